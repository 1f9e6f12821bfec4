using System.Text.Encodings.Web;
using System.Text.Json;
using Shifa.Core.Records;

namespace Shifa.Core.Export;

/// <summary>JSON Lines with every column of <see cref="ExportRow"/>; Arabic is written as is, not \u-escaped.</summary>
public sealed class JsonlRecordWriter : IRecordWriter
{
    internal static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc />
    public int Write(IEnumerable<QaRecord> records, Stream output, CancellationToken ct = default)
    {
        var n = 0;
        using var json = new Utf8JsonWriter(output, Options);
        foreach (var r in records)
        {
            ct.ThrowIfCancellationRequested();
            var row = ExportRow.From(r);
            json.WriteStartObject();
            var values = row.Values();
            for (var i = 0; i < values.Length; i++)
            {
                var name = ExportRow.Columns[i];
                if (name == "age")
                {
                    if (row.Age is { } age)
                    {
                        json.WriteNumber(name, age);
                    }
                    else
                    {
                        json.WriteNull(name);
                    }
                }
                else
                {
                    json.WriteString(name, values[i]);
                }
            }

            json.WriteEndObject();
            json.Flush();
            json.Reset();
            output.WriteByte((byte)'\n');
            n++;
        }

        return n;
    }
}
