using System.Diagnostics;
using System.Text.Json;
using Shifa.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace Shifa.Web.Tests.OpenAiApi;

/// <summary>Drives the server with the official <c>openai</c> npm package, installed by the test itself.</summary>
public sealed class NodeClientTests(ITestOutputHelper output)
{
    // Pinned to the version the package mirror serves.
    private const string OpenAiNpmVersion = "7.55.0";

    [Fact]
    public async Task Official_npm_client_works_streaming_and_non_streaming()
    {
        var dir = Path.Combine(Path.GetTempPath(), "shifa-npm-openai-" + OpenAiNpmVersion);
        if (!File.Exists(Path.Combine(dir, "node_modules", "openai", "package.json")))
        {
            Directory.CreateDirectory(dir);
            var (code, log) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--prefix", dir, "openai@" + OpenAiNpmVersion], dir, TimeSpan.FromSeconds(90));
            Assert.True(code == 0, "npm install openai failed:\n" + log);
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "OpenAiApi", "Node", "client.mjs"), Path.Combine(dir, "client.mjs"), overwrite: true);
        await using var server = await ShifaServer.StartAsync();
        var (rc, stdout) = await RunAsync("node", [Path.Combine(dir, "client.mjs"), server.BaseUrl + "/v1", server.ApiKey, "ما أسباب تساقط الشعر عند النساء؟"], dir, TimeSpan.FromSeconds(30));
        output.WriteLine(stdout);
        Assert.True(rc == 0, "node client failed:\n" + stdout);
        using var doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        Assert.Contains("rec-04", r.GetProperty("whole").GetString(), StringComparison.Ordinal);
        Assert.Equal("stop", r.GetProperty("finish").GetString());
        Assert.Equal(r.GetProperty("whole").GetString(), r.GetProperty("streamed").GetString());
        Assert.True(r.GetProperty("chunks").GetInt32() > 3);
        Assert.Equal("stop", r.GetProperty("streamFinish").GetString());
        Assert.Equal("shifa", r.GetProperty("models")[0].GetString());
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string cwd, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out after {timeout.TotalSeconds}s\n{await so}\n{await se}");
        }

        return (p.ExitCode, await so + await se);
    }
}
