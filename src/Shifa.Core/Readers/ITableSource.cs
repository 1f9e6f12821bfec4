namespace Shifa.Core.Readers;

/// <summary>
/// An opened input file: its column names and its rows, read lazily once. Rows that cannot be parsed
/// are still yielded (with <see cref="SourceRow.Problem"/> set) so the caller can account for every one.
/// </summary>
public interface ITableSource : IDisposable
{
    /// <summary>The format being read.</summary>
    TableFormat Format { get; }

    /// <summary>Column names, made unique (a repeated or merged header gets a <c> (2)</c> suffix).</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>What <see cref="SourceRow.Locator"/> counts: <c>line</c>, <c>row</c> or <c>record</c>.</summary>
    string LocatorKind { get; }

    /// <summary>Name of the text encoding used, or <c>binary</c> for XLSX/Parquet.</summary>
    string EncodingName { get; }

    /// <summary>The data rows, header excluded.</summary>
    IEnumerable<SourceRow> Rows(CancellationToken ct = default);
}
