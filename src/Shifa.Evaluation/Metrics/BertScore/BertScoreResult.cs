namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>Per-candidate BERTScores and the signature of what ran.</summary>
/// <param name="Items">One triple per candidate, in input order.</param>
/// <param name="Signature">Model, layer, idf, rescaling and version, true to the computation.</param>
/// <param name="EmptyPairs">Candidate/reference pairs with an empty side (scored 0 before rescaling).</param>
public sealed record BertScoreResult(IReadOnlyList<BertScoreTriple> Items, string Signature, int EmptyPairs);
