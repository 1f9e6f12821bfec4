// Decoding benchmark: tokens/s with and without the KV cache for a tiny and a ~25M-parameter LLaMA-style model,
// with the fp32 matmul peak measured in the same run. Training throughput, MFU and the PyTorch peer live in
// bench/Shifa.Bench.Training. Usage: dotnet run -c Release --project bench/Shifa.Bench.Modeling -- [--quick] [--only NAME]
using System.Diagnostics;
using Shifa.Bench.Modeling;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Native;
using static TorchSharp.torch;

bool quick = args.Contains("--quick");
TorchRuntime.EnsureInitialized();
Console.WriteLine($"threads: {TorchRuntime.ThreadCount}, OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY")}, device: cpu");
double peak = MatmulGflops(quick ? 512 : 1024, quick ? 5 : 20);
Console.WriteLine($"fp32 matmul peak: {peak:F0} GFLOP/s");

var tiny = new ModelConfig
{
    ModelType = "llama", VocabSize = 4096, HiddenSize = 256, IntermediateSize = 688, NumLayers = 4, NumHeads = 4,
    NumKeyValueHeads = 4, MaxPositions = 512, TieWordEmbeddings = true,
};
var configs = new (string Name, ModelConfig Config)[] { ("llama-tiny", tiny), ("llama-25m", ModelConfigPresets.Get("llama-25m")) }
    .Where(c => !args.Contains("--only") || c.Name == args[Array.IndexOf(args, "--only") + 1])
    .ToArray();

foreach (var (name, config) in configs)
{
    manual_seed(1);
    using var model = CausalLanguageModel.Create(config);
    model.eval();
    long parameters = model.parameters().Sum(p => p.numel());
    int promptLength = 64, newTokens = quick ? 32 : 128;
    var generator = new TextGenerator(model, new IdTokenizer(config.VocabSize));
    var prompt = Enumerable.Range(0, promptLength).Select(i => (i * 37) % config.VocabSize).ToArray();
    double cached = DecodeTokensPerSecond(generator, prompt, newTokens, useCache: true);
    double recomputed = DecodeTokensPerSecond(generator, prompt, newTokens, useCache: false);
    // A decode step costs about 2·N FLOPs per token (one multiply-add per weight).
    Console.WriteLine($"{name} ({parameters / 1e6:F1}M parameters), {promptLength}-token prompt, {newTokens} new tokens: " +
                      $"{cached:F1} tokens/s with KV cache, {recomputed:F1} without ({cached / recomputed:F1}x); " +
                      $"cached decode uses {100 * cached * 2.0 * parameters / 1e9 / peak:F1}% of the matmul peak");
}

static double MatmulGflops(int n, int repeats)
{
    using var scope = NewDisposeScope();
    var a = randn(n, n);
    var b = randn(n, n);
    a.matmul(b);                                                          // warm-up
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < repeats; i++) a.matmul(b).Dispose();
    return 2.0 * n * n * n * repeats / clock.Elapsed.TotalSeconds / 1e9;
}

static double DecodeTokensPerSecond(TextGenerator generator, int[] prompt, int newTokens, bool useCache)
{
    var options = new GenerationOptions { MaxNewTokens = newTokens, UseKvCache = useCache };
    generator.GenerateTokens(prompt, options with { MaxNewTokens = 4 }).ToList();   // warm-up
    var clock = Stopwatch.StartNew();
    int produced = generator.GenerateTokens(prompt, options).Count();
    return produced / clock.Elapsed.TotalSeconds;
}
