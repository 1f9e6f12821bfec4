namespace Shifa.Evaluation.Reports;

/// <summary>Everything a results page shows, computed from stored item scores.</summary>
/// <param name="RunId">Evaluation run.</param>
/// <param name="Title">Heading.</param>
/// <param name="Metrics">Metric columns in order.</param>
/// <param name="Rows">One row per system.</param>
/// <param name="Deltas">Comparisons against the baseline condition (empty when there is none).</param>
/// <param name="Signatures">Metric → signature of what ran.</param>
/// <param name="Items">Test items per system.</param>
/// <param name="Resamples">Bootstrap resamples per interval.</param>
/// <param name="Trials">Approximate-randomization shuffles per test.</param>
/// <param name="Seed">Seed of every resampling.</param>
/// <param name="Alpha">Significance level.</param>
public sealed record EvaluationReport(
    string RunId,
    string Title,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<DeltaRow> Deltas,
    IReadOnlyDictionary<string, string> Signatures,
    int Items,
    int Resamples,
    int Trials,
    int Seed,
    double Alpha)
{
    /// <summary>System → number of test items it answered with empty text (scored as such, not dropped).</summary>
    public IReadOnlyDictionary<string, int> EmptyAnswers { get; init; } = new Dictionary<string, int>();
}
