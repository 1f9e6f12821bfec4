namespace Shifa.Evaluation.Statistics;

/// <summary>Outcome of a paired significance test of system B against baseline A.</summary>
/// <param name="Method"><c>paired-bootstrap</c> or <c>approximate-randomization</c>.</param>
/// <param name="MeanA">Mean of the baseline.</param>
/// <param name="MeanB">Mean of the system.</param>
/// <param name="Delta">MeanB − MeanA.</param>
/// <param name="PValue">Two-sided p-value, (count + 1) / (samples + 1).</param>
/// <param name="Samples">Resamples or shuffles drawn.</param>
/// <param name="Seed">RNG seed.</param>
public sealed record PairedTestResult(string Method, double MeanA, double MeanB, double Delta, double PValue, int Samples, int Seed)
{
    /// <summary>True when <see cref="PValue"/> is below <paramref name="alpha"/>.</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;
}
