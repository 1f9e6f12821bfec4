// Modeling benchmark: matmul peak, decode tokens/s with and without KV cache, training tokens/s and MFU — all in one run,
// so every figure is a ratio against the same machine state; the same model is then trained by Debian's python3-torch.
// Usage: dotnet run -c Release --project bench/Shifa.Bench.Modeling -- [--quick] [--only llama-tiny|llama-25m]
using System.Diagnostics;
using Shifa.Bench.Modeling;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Native;
using TorchSharp;
using static TorchSharp.torch;

bool quick = args.Contains("--quick");
TorchRuntime.EnsureInitialized();
Console.WriteLine($"threads: {TorchRuntime.ThreadCount}, device: cpu");

double peak32 = MatmulGflops(ScalarType.Float32, quick ? 512 : 1024, quick ? 5 : 20);
double peak16 = MatmulGflops(ScalarType.BFloat16, quick ? 512 : 1024, quick ? 5 : 20);
Console.WriteLine($"matmul peak: fp32 {peak32:F0} GFLOP/s, bf16 {peak16:F0} GFLOP/s");

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
    long parameters = model.parameters().Sum(p => p.numel());
    Console.WriteLine($"\n{name}: {parameters / 1e6:F1}M parameters");

    int promptLength = 64, newTokens = quick ? 16 : 64;
    var generator = new TextGenerator(model, new IdTokenizer(config.VocabSize));
    var prompt = Enumerable.Range(0, promptLength).Select(i => (i * 37) % config.VocabSize).ToArray();
    double cached = DecodeTokensPerSecond(generator, prompt, newTokens, useCache: true);
    double recomputed = DecodeTokensPerSecond(generator, prompt, newTokens, useCache: false);
    Console.WriteLine($"  decode: {cached:F1} tokens/s with KV cache, {recomputed:F1} without ({cached / recomputed:F1}x)");

    var (tokensPerSecond, flopsPerToken) = TrainingThroughput(model, config, batch: 8, time: 128, steps: quick ? 2 : 6);
    double achieved = tokensPerSecond * flopsPerToken / 1e9;
    Console.WriteLine($"  training (fp32, AdamW, batch 8×128): {tokensPerSecond:F0} tokens/s, {achieved:F0} GFLOP/s, " +
                      $"MFU {100 * achieved / peak32:F0}% of the measured fp32 matmul peak");
    if (PythonPeer.TokensPerSecond(config, batch: 8, time: 128, steps: quick ? 2 : 6, TorchRuntime.ThreadCount) is { } peer)
    {
        Console.WriteLine($"  PyTorch peer ({peer.Version}, same model and steps): {peer.TokensPerSecond:F0} tokens/s; " +
                          $"TorchSharp / PyTorch = {tokensPerSecond / peer.TokensPerSecond:F2}");
    }
}

static double MatmulGflops(ScalarType type, int n, int repeats)
{
    using var scope = NewDisposeScope();
    var a = randn(n, n).to_type(type);
    var b = randn(n, n).to_type(type);
    a.matmul(b);                                                          // warm-up
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < repeats; i++) a.matmul(b).Dispose();
    return 2.0 * n * n * n * repeats / clock.Elapsed.TotalSeconds / 1e9;
}

static double DecodeTokensPerSecond(TextGenerator generator, int[] prompt, int newTokens, bool useCache)
{
    var options = new GenerationOptions { MaxNewTokens = newTokens, UseKvCache = useCache };
    generator.GenerateTokens(prompt, options with { MaxNewTokens = 2 }).ToList();   // warm-up
    var clock = Stopwatch.StartNew();
    int produced = generator.GenerateTokens(prompt, options).Count();
    return produced / clock.Elapsed.TotalSeconds;
}

// FLOPs per trained token: 6·N for the matmuls of forward and backward (Kaplan et al. 2020), plus attention's
// 12·L·T·C (nanoGPT's estimate_mfu), N counted without the embedding lookup but with the tied output projection.
static (double TokensPerSecond, double FlopsPerToken) TrainingThroughput(CausalLanguageModel model, ModelConfig config, int batch, int time, int steps)
{
    model.train();
    var optimizer = optim.AdamW(model.parameters(), lr: 1e-4);
    var ids = randint(0, config.VocabSize, [batch, time + 1], dtype: ScalarType.Int64);
    void Step()
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.forward(ids[.., ..^1]);                                                    // (B, T, V)
        var loss = nn.functional.cross_entropy(logits.reshape(-1, config.VocabSize), ids[.., 1..].reshape(-1));
        loss.backward();
        optimizer.step();
    }
    Step();                                                                                          // warm-up
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < steps; i++) Step();
    double tokensPerSecond = (double)batch * time * steps / clock.Elapsed.TotalSeconds;
    long parameters = model.parameters().Sum(p => p.numel());
    double flopsPerToken = 6.0 * parameters + 12.0 * config.NumLayers * time * config.HiddenSize;
    model.eval();
    return (tokensPerSecond, flopsPerToken);
}
