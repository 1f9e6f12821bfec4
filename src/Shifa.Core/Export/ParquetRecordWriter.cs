using Parquet.Serialization;
using Shifa.Core.Records;

namespace Shifa.Core.Export;

/// <summary>Apache Parquet with the columns of <see cref="ExportRow"/> (age as nullable int32, the rest as strings).</summary>
public sealed class ParquetRecordWriter : IRecordWriter
{
    /// <inheritdoc />
    public int Write(IEnumerable<QaRecord> records, Stream output, CancellationToken ct = default)
    {
        var rows = records.Select(ExportRow.From).ToList();
        ParquetSerializer.SerializeAsync(rows, output, cancellationToken: ct).GetAwaiter().GetResult();
        return rows.Count;
    }
}
