namespace Shifa.Modeling.Checkpoints;

/// <summary>
/// A strict load found tensors the module lacks, parameters the checkpoint lacks, or shapes that differ.
/// The message names each offending tensor (the first few of each kind) and the checkpoint.
/// </summary>
public sealed class CheckpointMismatchException : Exception
{
    /// <summary>Creates the exception from the three lists of problems.</summary>
    public CheckpointMismatchException(string source, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> shapeMismatches)
        : base(Describe(source, missing, unexpected, shapeMismatches))
    {
        Missing = missing;
        Unexpected = unexpected;
        ShapeMismatches = shapeMismatches;
    }

    /// <summary>Module parameters or buffers with no tensor in the checkpoint.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Checkpoint tensors that no module parameter or buffer takes.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>Descriptions (<c>name: checkpoint [..] vs model [..]</c>) of tensors whose shapes differ.</summary>
    public IReadOnlyList<string> ShapeMismatches { get; }

    private static string Describe(string source, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected,
        IReadOnlyList<string> shapes)
    {
        const int Shown = 8;
        static string List(IReadOnlyList<string> items) =>
            string.Join(", ", items.Take(Shown)) + (items.Count > Shown ? $" and {items.Count - Shown} more" : "");
        var parts = new List<string>();
        if (shapes.Count > 0) parts.Add($"shape mismatch: {List(shapes)}");
        if (missing.Count > 0) parts.Add($"missing from checkpoint: {List(missing)}");
        if (unexpected.Count > 0) parts.Add($"not used by the model: {List(unexpected)}");
        return $"{source}: checkpoint does not match the model ({string.Join("; ", parts)}). " +
               "Check that config.json describes this checkpoint (sizes, layer count, tied embeddings).";
    }
}
