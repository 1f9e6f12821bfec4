using System.Text.Json;
using Shifa.Core.Records;

namespace Shifa.Core.Export;

/// <summary>
/// Hugging Face chat format, one conversation per line:
/// <c>{"messages":[{"role":"user","content":Q},{"role":"assistant","content":A}]}</c>.
/// </summary>
public sealed class HfChatRecordWriter : IRecordWriter
{
    /// <inheritdoc />
    public int Write(IEnumerable<QaRecord> records, Stream output, CancellationToken ct = default)
    {
        var n = 0;
        using var json = new Utf8JsonWriter(output, JsonlRecordWriter.Options);
        foreach (var r in records)
        {
            ct.ThrowIfCancellationRequested();
            json.WriteStartObject();
            json.WriteStartArray("messages");
            Message(json, "user", r.Question);
            Message(json, "assistant", r.Answer);
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            output.WriteByte((byte)'\n');
            n++;
        }

        return n;
    }

    private static void Message(Utf8JsonWriter json, string role, string content)
    {
        json.WriteStartObject();
        json.WriteString("role", role);
        json.WriteString("content", content);
        json.WriteEndObject();
    }
}
