using Microsoft.Data.Sqlite;

namespace Shifa.Core.Tests.Ingest;

/// <summary>A scratch folder for input files and a workspace, deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "shifa-ingest-" + Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Root);

    public string WorkspaceDir => Path.Combine(Root, "ws");

    public string File(string name, string text) => Bytes(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Bytes(string name, byte[] bytes)
    {
        var p = Path.Combine(Root, name);
        System.IO.File.WriteAllBytes(p, bytes);
        return p;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
