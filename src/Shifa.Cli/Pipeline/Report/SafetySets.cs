namespace Shifa.Cli.Pipeline.Report;

/// <summary>File names of the labelled red-flag sets that ship in <c>samples/safety</c>.</summary>
internal static class SafetySets
{
    /// <summary>
    /// The sets written without reading the detector's rules or training its learned screen: the
    /// headline estimates, one row each. There may be none while the next one is being written (a
    /// held-out set becomes a development set once the rules are widened on it).
    /// </summary>
    public const string HeldOutPattern = "red-flags-heldout*.tsv";

    /// <summary>The first development set, always shipped: how the report finds <c>samples/safety</c>.</summary>
    public const string Anchor = "red-flags.tsv";

    /// <summary>An earlier held-out set, later scored while the rules changed, so no longer an unbiased estimate.</summary>
    public const string EarlierHeldOut = "red-flags-unseen.tsv";
}
