namespace Shifa.Core.Splitting;

/// <summary>Counts after a split.</summary>
/// <param name="Train">Real records in train.</param>
/// <param name="Val">Real records in val.</param>
/// <param name="Test">Real records in test.</param>
/// <param name="SyntheticUnassigned">Synthetic records (never in val/test), left for conditions to pull into training.</param>
/// <param name="Strata">Number of specialty keys stratified over.</param>
public sealed record SplitSummary(int Train, int Val, int Test, int SyntheticUnassigned, int Strata)
{
    /// <summary>One-line summary for the CLI.</summary>
    public override string ToString() =>
        $"train {Train} / val {Val} / test {Test} real records over {Strata} specialties; {SyntheticUnassigned} synthetic left unassigned";
}
