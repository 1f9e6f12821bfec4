namespace Shifa.Core.Splitting;

/// <summary>Counts after a split.</summary>
/// <param name="Train">Real records in train.</param>
/// <param name="Val">Real records in val.</param>
/// <param name="Test">Real records in test.</param>
/// <param name="SyntheticUnassigned">Synthetic records in no split (never in val/test): not curated yet, rejected, or grounded on held-out exemplars.</param>
/// <param name="Strata">Number of specialty keys stratified over.</param>
public sealed record SplitSummary(int Train, int Val, int Test, int SyntheticUnassigned, int Strata)
{
    /// <summary>Synthetic records in train (see <see cref="SyntheticSplitRule"/>).</summary>
    public int SyntheticTrain { get; init; }

    /// <summary>Synthetic records kept out because an exemplar they were generated from is in val or test.</summary>
    public int SyntheticHeldOut { get; init; }

    /// <summary>One-line summary for the CLI.</summary>
    public override string ToString() =>
        $"train {Train} / val {Val} / test {Test} real records over {Strata} specialties; synthetic: {SyntheticTrain} in train, " +
        $"{SyntheticUnassigned} in no split ({SyntheticHeldOut} grounded on val/test exemplars)";
}
