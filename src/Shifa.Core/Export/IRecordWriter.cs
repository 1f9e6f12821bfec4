using Shifa.Core.Records;

namespace Shifa.Core.Export;

/// <summary>Writes records to a stream in one format.</summary>
public interface IRecordWriter
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="output"/> and returns how many were written.</summary>
    int Write(IEnumerable<QaRecord> records, Stream output, CancellationToken ct = default);
}
