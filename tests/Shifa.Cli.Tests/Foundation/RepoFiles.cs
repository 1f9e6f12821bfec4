namespace Shifa.Cli.Tests.Foundation;

/// <summary>Files of the repository (and the real AraMed sample beside it), found by walking up from the test binaries.</summary>
public static class RepoFiles
{
    public static string BundledSample => Find(Path.Combine("samples", "aramed-sample.csv"))
        ?? throw new FileNotFoundException("samples/aramed-sample.csv not found above " + AppContext.BaseDirectory);

    /// <summary>The original AraMed file with its doctor-name columns; only present next to a development checkout.</summary>
    public static string? OriginalAraMed => Find(Path.Combine("shared", "data", "aramed", "Sample_AraMed.csv"));

    private static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
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
