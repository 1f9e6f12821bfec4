namespace Shifa.Evaluation.Storage;

/// <summary>One metric value for one record and one system within a run.</summary>
/// <param name="RunId">Evaluation run.</param>
/// <param name="RecordId">Test record scored.</param>
/// <param name="System">System that produced the answer (e.g. <c>tiny/original</c>, <c>retrieval</c>).</param>
/// <param name="Metric">Metric name (e.g. <c>bertscore_f1</c>, <c>chrF2</c>).</param>
/// <param name="Value">Score.</param>
/// <param name="Signature">The metric signature, true to what ran.</param>
public sealed record ItemScore(string RunId, string RecordId, string System, string Metric, double Value, string Signature);
