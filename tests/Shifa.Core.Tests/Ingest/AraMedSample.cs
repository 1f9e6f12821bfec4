namespace Shifa.Core.Tests.Ingest;

/// <summary>Locates the real AraMed sample and the bundled derivative, searching up from the test binaries.</summary>
public static class AraMedSample
{
    /// <summary>The original (with doctor-name columns); it sits beside development checkouts, never in the repository.</summary>
    public static string Original
    {
        get
        {
            var path = TryFind(Path.Combine("shared", "data", "aramed", "Sample_AraMed.csv"), maxUp: 12);
            Skip.If(path is null, "needs the original Sample_AraMed.csv under shared/data/aramed beside the checkout");
            return path!;
        }
    }

    private static string? TryFind(string relative, int maxUp)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < maxUp && dir is not null; i++, dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
