using System.Reflection;

namespace Shifa.Web.Safety;

/// <summary>
/// The labelled red-flag development sets built into Shifa.Web (<c>samples/safety/red-flags.tsv</c> and
/// <c>red-flags-dev*.tsv</c>), which the bundled learned screen trains on. Held-out sets are never built in.
/// </summary>
public static class BundledLabelledSets
{
    private const string Prefix = "Shifa.Web.Safety.Sets.";

    /// <summary>File names of the built-in sets, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(BundledLabelledSets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every message of every built-in set.</summary>
    public static List<LabelledMessage> Read()
    {
        var assembly = typeof(BundledLabelledSets).Assembly;
        var messages = new List<LabelledMessage>();
        foreach (var name in Names)
        {
            using var stream = assembly.GetManifestResourceStream(Prefix + name)
                ?? throw new InvalidOperationException($"Built-in labelled set '{name}' is listed but cannot be opened.");
            using var reader = new StreamReader(stream);
            messages.AddRange(LabelledMessageReader.Read(reader, name));
        }

        return messages;
    }
}
