namespace Shifa.Evaluation.Scoring;

/// <summary>A metric that gives one or more values per (hypothesis, references) item.</summary>
public interface IItemMetric
{
    /// <summary>Names of the values produced, in order (e.g. <c>bertscore_p</c>, <c>bertscore_r</c>, <c>bertscore_f1</c>).</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Signature of the configuration, stored with every value.</summary>
    string Signature { get; }

    /// <summary>Scores every item; result[k][i] is value <c>Names[k]</c> of item i.</summary>
    IReadOnlyList<double[]> Score(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references);
}
