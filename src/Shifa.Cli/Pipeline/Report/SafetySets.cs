namespace Shifa.Cli.Pipeline.Report;

/// <summary>File names of the labelled red-flag sets that ship in <c>samples/safety</c>.</summary>
internal static class SafetySets
{
    /// <summary>
    /// The set written without reading the detector's rules: the headline estimate. It may be absent
    /// while the next one is being written (each held-out set becomes a development set once scored).
    /// </summary>
    public const string HeldOut = "red-flags-heldout5.tsv";

    /// <summary>The first development set, always shipped: how the report finds <c>samples/safety</c>.</summary>
    public const string Anchor = "red-flags.tsv";

    /// <summary>An earlier held-out set, later scored while the rules changed, so no longer an unbiased estimate.</summary>
    public const string EarlierHeldOut = "red-flags-unseen.tsv";
}
