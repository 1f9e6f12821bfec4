namespace Shifa.Curation.Reporting;

/// <summary>One dropped record shown in the report (text excerpts pass through the PII scrubber).</summary>
/// <param name="RecordId">Record id.</param>
/// <param name="Stage">Stage that dropped it.</param>
/// <param name="Reason">Reason code.</param>
/// <param name="Score">Measured value.</param>
/// <param name="MatchedId">Record it duplicates or leaks, if any.</param>
/// <param name="Provider">Provider of the record.</param>
/// <param name="Question">Question excerpt.</param>
/// <param name="Answer">Answer excerpt.</param>
public sealed record DropExample(string RecordId, string Stage, string Reason, double? Score, string? MatchedId, string? Provider, string Question, string Answer);
