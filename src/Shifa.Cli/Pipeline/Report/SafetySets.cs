namespace Shifa.Cli.Pipeline.Report;

/// <summary>File names of the labelled red-flag sets that ship in <c>samples/safety</c>.</summary>
internal static class SafetySets
{
    /// <summary>The set written without reading the detector's rules: the headline estimate.</summary>
    public const string HeldOut = "red-flags-heldout5.tsv";

    /// <summary>An earlier held-out set, later scored while the rules changed, so no longer an unbiased estimate.</summary>
    public const string EarlierHeldOut = "red-flags-unseen.tsv";
}
