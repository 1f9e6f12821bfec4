// BERTScore throughput on a random-initialised bert-base-multilingual-cased-sized encoder (12 layers,
// hidden 768, vocabulary 119547) truncated at layer 9, against a FLOPs-based limit measured on the same
// machine in the same run. Usage: dotnet run -c Release --project bench/Shifa.Bench.Evaluation [pairs] [words-per-sentence]
using System.Diagnostics;
using System.Globalization;
using Shifa.Evaluation.Metrics.BertScore;
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Native;
using TorchSharp;
using static TorchSharp.torch;

var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 32;
var words = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
const int Layer = 9;
TorchRuntime.EnsureInitialized();
manual_seed(0);

// Arabic medical vocabulary; sentences are random word sequences of fixed length, so token counts are known.
string[] lexicon =
[
    "المريض", "يعاني", "من", "ألم", "في", "الصدر", "صداع", "شديد", "دواء", "الطبيب", "منذ", "أيام", "هل", "يحتاج", "إلى",
    "تخطيط", "القلب", "نعم", "لا", "راجع", "اشرب", "الماء", "كثيرا", "خذ", "باراسيتامول", "الضغط", "السكري", "الحرارة",
    "الطفل", "الحمل", "المعدة", "الكبد", "الكلى", "فحص", "تحليل", "الدم", "علاج", "جرعة", "مرتين", "يوميا", "بعد", "الأكل",
];
var vocab = new Dictionary<string, int>(StringComparer.Ordinal) { ["[PAD]"] = 0, ["[UNK]"] = 100, ["[CLS]"] = 101, ["[SEP]"] = 102, ["[MASK]"] = 103 };
for (var i = 0; i < lexicon.Length; i++)
{
    vocab[lexicon[i]] = 1000 + (i * 2711 % 110000);
}

var rng = new Random(1);
string Sentence() => string.Join(' ', Enumerable.Range(0, words).Select(_ => lexicon[rng.Next(lexicon.Length)]));
var candidates = Enumerable.Range(0, pairs).Select(_ => Sentence()).ToList();
var references = Enumerable.Range(0, pairs).Select(_ => (IReadOnlyList<string>)[Sentence()]).ToList();

var config = BertConfig.BaseMultilingualCased;
using var model = new BertModel(config, layers: Layer);
model.eval();
var tokenizer = new BertTokenizer(vocab, lowerCase: false);
var encoder = new TorchBertEncoder(model, tokenizer, "bert-base-multilingual-cased(random)", Layer);
var scorer = new BertScorer(encoder, new BertScoreOptions { BatchSize = 64 });
var tokens = words + 2;

// FLOPs of one sentence through 9 layers: 2·(4h² + 2h·i) per token per layer for the projections and
// feed-forward, plus 2·2·T·h per token per layer for attention scores and the weighted sum.
double h = config.HiddenSize, inter = config.IntermediateSize;
var flopsPerSentence = Layer * tokens * ((2 * ((4 * h * h) + (2 * h * inter))) + (4.0 * tokens * h));
var flopsPerPair = 2 * flopsPerSentence + (2.0 * tokens * tokens * h); // two encodings + the similarity matrix

// Achievable matmul rate on this machine: the feed-forward's shape at this batch size.
var rows = 64 * tokens;
using (var scope = NewDisposeScope())
{
    var a = randn(rows, (long)h);
    var w = randn((long)h, (long)inter);
    a.matmul(w); // warm-up
    var sw = Stopwatch.StartNew();
    var reps = 0;
    while (sw.Elapsed.TotalSeconds < 3)
    {
        a.matmul(w).Dispose();
        reps++;
    }

    var peak = reps * 2.0 * rows * h * inter / sw.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threads={TorchRuntime.ThreadCount} matmul [{rows}x{h}]x[{h}x{inter}]: {peak / 1e9:0.0} GFLOP/s"));

    scorer.Score(candidates.Take(4).ToList(), references.Take(4).ToList()); // warm-up
    var run = Stopwatch.StartNew();
    var result = scorer.Score(candidates, references);
    run.Stop();
    var pairsPerSecond = pairs / run.Elapsed.TotalSeconds;
    var limit = peak / flopsPerPair;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs={pairs} tokens/sentence={tokens} layer={Layer}: {run.Elapsed.TotalSeconds:0.00} s, {pairsPerSecond:0.00} pairs/s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FLOPs/pair={flopsPerPair / 1e9:0.00} GFLOP, limit at measured matmul rate={limit:0.00} pairs/s, achieved {100 * pairsPerSecond / limit:0.0}% of limit"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean F1 (random weights, not meaningful)={result.Items.Average(s => s.F):0.0000}; signature {result.Signature}"));
}
