using System.Diagnostics;
using Shifa.Modeling.Presets;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Bench.Training;

internal static class ProfileProbe
{
    public static int Run()
    {
        var clock = Stopwatch.StartNew();
        var texts = Enumerable.Range(0, 72).Select(i => $"هذا نص تجريبي رقم {i} عن الصداع والحرارة والسعال عند الأطفال").ToList();
        var preset = ShifaPresets.Get("shifa-tiny");
        var (vocab, arch) = ShifaPresets.Prepare(preset, texts);
        Console.WriteLine($"bpe {clock.Elapsed.TotalSeconds:F2}"); clock.Restart();
        var model = ShifaPresets.CreateModel(arch, 1);
        Console.WriteLine($"create {clock.Elapsed.TotalSeconds:F2}"); clock.Restart();
        var ids = randint(0, arch.VocabSize, [4, 64]);
        for (var i = 0; i < 3; i++)
        {
            using var scope = NewDisposeScope();
            var logits = model.forward(ids);
            var loss = logits.square().mean();
            loss.backward();
            Console.WriteLine($"fwd/bwd {clock.Elapsed.TotalSeconds:F2}"); clock.Restart();
        }
        return 0;
    }
}
