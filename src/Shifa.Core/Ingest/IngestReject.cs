namespace Shifa.Core.Ingest;

/// <summary>An input row that was not ingested, and why.</summary>
/// <param name="File">Input file as given.</param>
/// <param name="Line">Line (text formats), worksheet row (XLSX) or record index (Parquet) where the row starts.</param>
/// <param name="Field">Column the problem is about, when one can be named.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
/// <param name="Raw">The mapped values (or the raw text of an unparseable row), truncated; never personal-name columns.</param>
public sealed record IngestReject(string File, long Line, string? Field, string Reason, string? Raw);
