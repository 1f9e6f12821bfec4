namespace Shifa.Core.Tests.Ingest;

/// <summary>Locates the real AraMed sample and the bundled derivative, searching up from the test binaries.</summary>
public static class AraMedSample
{
    public static string Original => Find(Path.Combine("shared", "data", "aramed", "Sample_AraMed.csv"), maxUp: 12);

    public static string Bundled => Find(Path.Combine("samples", "aramed-sample.csv"), maxUp: 12);

    private static string Find(string relative, int maxUp)
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

        throw new FileNotFoundException($"'{relative}' not found above {AppContext.BaseDirectory}");
    }
}
