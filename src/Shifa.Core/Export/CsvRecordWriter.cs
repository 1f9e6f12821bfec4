using CsvHelper;
using Shifa.Core.Records;

namespace Shifa.Core.Export;

/// <summary>RFC 4180 CSV with a header row and a UTF-8 byte order mark (spreadsheet programs need it to read Arabic).</summary>
public sealed class CsvRecordWriter : IRecordWriter
{
    /// <inheritdoc />
    public int Write(IEnumerable<QaRecord> records, Stream output, CancellationToken ct = default)
    {
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None };
        using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        foreach (var c in ExportRow.Columns)
        {
            csv.WriteField(c);
        }

        csv.EndRecord();
        var n = 0;
        foreach (var r in records)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var v in ExportRow.From(r).Values())
            {
                csv.WriteField(v);
            }

            csv.EndRecord();
            n++;
        }

        csv.Flush();
        return n;
    }
}
