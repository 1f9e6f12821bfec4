// `shifa train --precision`: the mode is validated, used and reported, and a checkpoint is not resumed in another one.
using System.Text.Json;
using Shifa.Cli.Commands;
using Shifa.Cli.Tests.Foundation;

namespace Shifa.Cli.Tests.Modeling;

public sealed class TrainPrecisionTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private (int Exit, string Output) Train(params string[] extra) =>
        _cli.RunWith(c => c.AddModelingCommands(),
            ["train", "--workspace", _cli.Ws, "--base", "shifa-tiny", "--max-steps", "2", "--name", "tiny", .. extra]);

    [Fact]
    public void An_unknown_precision_is_refused_before_anything_runs()
    {
        var (exit, output) = Train("--precision", "fp16");

        Assert.NotEqual(0, exit);
        Assert.Contains("--precision must be fp32, bf16 or auto, not 'fp16'", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.Ws, "models", "tiny")));
    }

    [Fact]
    public void The_precision_used_is_reported_and_recorded_and_a_checkpoint_in_another_one_is_not_resumed()
    {
        Assert.Equal(0, _cli.Run("ingest", RepoFiles.BundledSample, "--workspace", _cli.Ws).Exit);
        Assert.Equal(0, _cli.Run("split", "--workspace", _cli.Ws).Exit);

        var (exit, output) = Train("--precision", "fp32");

        Assert.True(exit == 0, output);
        Assert.Contains("tokens/s, fp32)", output, StringComparison.Ordinal);
        var model = Path.Combine(_cli.Ws, "models", "tiny");
        using (var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "training_metrics.json"))))
        {
            Assert.Equal("fp32", metrics.RootElement.GetProperty("summary").GetProperty("precision").GetString());
        }

        // An interrupted fp32 run leaves its checkpoint behind; continuing it in bf16 would not reproduce the curve.
        var state = Path.Combine(model, "checkpoint", "trainer_state.json");
        Directory.CreateDirectory(Path.GetDirectoryName(state)!);
        File.WriteAllText(state, """{"Step":1,"Metrics":[],"Precision":"fp32"}""");
        var (resumeExit, resumeOutput) = Train("--precision", "bf16");

        Assert.Equal(1, resumeExit);
        // The console wraps long lines; the message is compared as one line.
        var message = string.Join(' ', resumeOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("trained in fp32 but this run computes in bf16; resume with --precision fp32", message, StringComparison.Ordinal);
    }
}
