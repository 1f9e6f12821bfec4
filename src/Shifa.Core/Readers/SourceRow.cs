namespace Shifa.Core.Readers;

/// <summary>
/// One record of an input file, as the reader saw it.
/// </summary>
/// <param name="Locator">Where it starts: 1-based line for text formats, worksheet row for XLSX, 1-based record index for Parquet.</param>
/// <param name="Values">Cell values aligned with <see cref="ITableSource.Columns"/>; null when the cell is absent or null.</param>
/// <param name="Problem">Why the row cannot be used as it stands (ragged, malformed JSON...), or null when it parsed cleanly.</param>
/// <param name="ProblemField">Column the problem is about, when one can be named.</param>
/// <param name="Raw">The raw text of a row that could not be parsed into columns; null otherwise.</param>
public sealed record SourceRow(long Locator, string?[] Values, string? Problem = null, string? ProblemField = null, string? Raw = null);
