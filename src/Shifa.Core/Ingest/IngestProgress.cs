namespace Shifa.Core.Ingest;

/// <summary>Running counts of an ingest, reported after each committed batch.</summary>
public readonly record struct IngestProgress(long RowsRead, long Ingested, long Rejected, long Duplicates);
