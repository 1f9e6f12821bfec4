// `shifa serve` options run as a user runs them: the built CLI in its own process, over a real workspace.
using System.Diagnostics;
using Shifa.Core.Storage;
using Shifa.Web.OpenAiApi;

namespace Shifa.Web.Tests.Hosting;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-serve-cli-").FullName;

    [Fact]
    public async Task Key_add_no_disclaimer_creates_a_key_that_verifies_without_the_disclaimer()
    {
        var (plainCode, plainOut) = await Shifa("serve", "key", "add", "--workspace", _dir, "--name", "synth", "--no-disclaimer");
        var (code, output) = await Shifa("serve", "key", "add", "--workspace", _dir, "--name", "people");

        Assert.Equal((0, 0), (plainCode, code));
        Assert.Contains("(synth, answers without the disclaimer) created", plainOut, StringComparison.Ordinal);
        var keys = new ApiKeyStore(Workspace.Open(_dir));
        Assert.False(keys.Verify(plainOut.Split(' ')[0])!.AppendDisclaimer);
        Assert.True(keys.Verify(output.Split(' ')[0])!.AppendDisclaimer);
    }

    [Fact]
    public async Task Serve_refuses_the_offline_provider_a_missing_key_and_two_backends_with_reasons()
    {
        var (offline, offlineOut) = await Shifa("serve", "--workspace", _dir, "--urls", "http://127.0.0.1:0", "--provider", "offline");
        var (noKey, noKeyOut) = await Shifa("serve", "--workspace", _dir, "--urls", "http://127.0.0.1:0", "--provider", "openai");
        var (both, bothOut) = await Shifa("serve", "--workspace", _dir, "--model", _dir, "--provider", "openai");

        Assert.Equal(2, offline);
        Assert.Contains("cannot answer questions", offlineOut, StringComparison.Ordinal);
        Assert.Equal(2, noKey);
        Assert.Contains("OPENAI_API_KEY", noKeyOut, StringComparison.Ordinal);
        Assert.NotEqual(0, both);
        Assert.Contains("either --model DIR or --provider NAME", bothOut, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    private static async Task<(int Code, string Output)> Shifa(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "shifa.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The provider key must come from nowhere but this test.
        start.Environment.Remove("OPENAI_API_KEY");
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(cts.Token);
        // Spectre wraps long lines at the console width; words are what matter here.
        var words = (await stdout + await stderr).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return (p.ExitCode, string.Join(' ', words));
    }
}
