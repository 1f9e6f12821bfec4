namespace Shifa.Synthesis.Batch;

/// <summary>A batch job as stored in <c>synth_batches</c>; enough to resume it after a restart.</summary>
/// <param name="LocalId">Content hash of the item ids; also sent as batch metadata.</param>
/// <param name="Provider">Provider name.</param>
/// <param name="Model">Model id.</param>
/// <param name="ItemIds">Work items in the batch.</param>
/// <param name="InputPath">The JSONL written to the workspace.</param>
/// <param name="InputFileId">Uploaded file id, once uploaded.</param>
/// <param name="BatchId">Provider batch id, once created.</param>
/// <param name="Status"><c>built</c>, <c>uploaded</c>, the provider's status (<c>validating</c>, <c>in_progress</c>, <c>completed</c>...), then <c>ingested</c>.</param>
/// <param name="OutputFileId">Results file id, when completed.</param>
/// <param name="ErrorFileId">Errors file id, when any request failed.</param>
/// <param name="ReservedUsd">Worst-case cost reserved in the spend ledger for the whole batch.</param>
public sealed record BatchRecord(
    string LocalId, string Provider, string Model, IReadOnlyList<string> ItemIds, string InputPath,
    string? InputFileId, string? BatchId, string Status, string? OutputFileId, string? ErrorFileId, decimal ReservedUsd);
