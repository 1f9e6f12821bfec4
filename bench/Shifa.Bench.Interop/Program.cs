// Decode speed of one model in Shifa (TorchSharp, KV cache) and in llama.cpp (LLamaSharp, GGUF f32), batch 1, in one run,
// reported as a ratio. Usage: dotnet run -c Release -- [--tokens N] [--threads N] [--rounds N]
using System.Diagnostics;
using Shifa.Interop.Runtime;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Export.Gguf;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Native;
using Shifa.Modeling.Tokenization;
using static TorchSharp.torch;

int tokens = Option("--tokens", 128);
int threads = Option("--threads", Environment.ProcessorCount);
int rounds = Option("--rounds", 5);
TorchRuntime.EnsureInitialized();
TorchSharp.torch.set_num_threads(threads);

string[] corpus =
[
    "أعاني من صداع شديد منذ ثلاثة أيام، فما السبب؟", "يجب مراجعة الطبيب فوراً إذا ارتفعت الحرارة فوق ٣٩ درجة.",
    "طفلي عمره ٥ سنوات وعنده كحة وسخونة 🤒، شو أعمل؟", "هل يمكن تناول الباراسيتامول 500mg مع المضاد الحيوي؟",
];
var vocabulary = BpeTrainer.Train(Enumerable.Repeat(corpus, 20).SelectMany(c => c), new BpeTrainerOptions { VocabularySize = 600 });
// shifa-small's shape: the largest preset that trains on a laptop, so decode cost is dominated by the transformer.
var config = new ModelConfig
{
    ModelType = "llama", VocabSize = 8192, HiddenSize = 384, IntermediateSize = 1024, NumLayers = 6, NumHeads = 6,
    NumKeyValueHeads = 2, MaxPositions = 512, TieWordEmbeddings = true,
};
manual_seed(1);
using var model = CausalLanguageModel.Create(config);
model.eval();
string path = Path.Combine(Path.GetTempPath(), $"shifa-bench-{Environment.ProcessId}.gguf");
GgufExporter.Export(model, vocabulary, path);
var prompt = new ByteLevelBpeTokenizer(vocabulary).Encode(corpus[0]);
Console.WriteLine($"model: shifa-small shape, {model.parameters().Sum(p => p.numel()) / 1e6:F1}M parameters, prompt {prompt.Length} tokens, {tokens} new tokens, {threads} threads, {rounds} rounds");

try
{
    // Shifa: greedy decode with the KV cache, the path LocalChatClient serves with.
    var generator = new TextGenerator(model, new ByteLevelBpeTokenizer(vocabulary));
    var greedy = new GenerationOptions { Temperature = 0, MaxNewTokens = tokens, StopTokenIds = [] };
    double RunShifa()
    {
        var clock = Stopwatch.StartNew();
        int produced = generator.GenerateTokens(prompt, greedy).Count();
        return produced / clock.Elapsed.TotalSeconds;
    }

    // llama.cpp: same weights, f32 file and f32 KV cache, one token per decode call.
    using var llama = LlamaCppModel.Load(path, new LlamaCppModelOptions { ContextSize = 512, Threads = threads });
    double RunLlama()
    {
        llama.Reset();
        var logits = llama.Append(prompt);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < tokens; i++)
        {
            int next = 0;
            for (int v = 1; v < logits.Length; v++) if (logits[v] > logits[next]) next = v;
            logits = llama.Append([next]);
        }
        return tokens / watch.Elapsed.TotalSeconds;
    }

    _ = generator.GenerateTokens(prompt, greedy with { MaxNewTokens = 8 }).Count();                 // warm-up
    _ = RunLlama();
    // Alternating rounds, so that a burst of load on a shared machine hits both engines alike; medians are reported.
    var shifa = new List<double>();
    var cpp = new List<double>();
    for (int round = 0; round < rounds; round++)
    {
        shifa.Add(RunShifa());
        cpp.Add(RunLlama());
    }
    double shifaMedian = Median(shifa), cppMedian = Median(cpp);
    Console.WriteLine($"decode tokens/s (median of {rounds} alternating rounds of {tokens} tokens): " +
                      $"Shifa (TorchSharp, KV cache) {shifaMedian:F1}, llama.cpp f32 {cppMedian:F1}");
    Console.WriteLine($"per round: Shifa {string.Join(" ", shifa.Select(r => r.ToString("F0")))}; llama.cpp {string.Join(" ", cpp.Select(r => r.ToString("F0")))}");
    Console.WriteLine($"ratio Shifa / llama.cpp: {shifaMedian / cppMedian:F2} (target ≥ 0.5)");
}
finally
{
    File.Delete(path);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

int Option(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out int value) ? value : fallback;
}
