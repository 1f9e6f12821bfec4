// Leave-one-set-out runs of the red-flag screen: for each independently written set, train the
// learned screen on every other development set (held-out and unseen sets never), then score the
// rules alone, the learned screen alone and both together on the set left out. This is how the learned screen's settings
// were chosen and how much it adds to the rules on phrasing it has not seen is estimated.
//
//   dotnet run -c Release --project bench/Shifa.Bench.Safety -- [--epochs N] [--lr X] [--l2 X] [--min-count N]
//       [--threshold X] [--veto-below X] [--overrides-set-aside true|false] [--target FILE]... | --probe TEXT...
using System.Diagnostics;
using System.Globalization;
using Shifa.Core.Readers;
using Shifa.Web.Safety;

var options = new UrgencyTrainingOptions();
var targets = new List<string>();
var probes = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i++])
    {
        case "--epochs": options = options with { Epochs = int.Parse(value, CultureInfo.InvariantCulture) }; break;
        case "--lr": options = options with { LearningRate = double.Parse(value, CultureInfo.InvariantCulture) }; break;
        case "--l2": options = options with { L2 = double.Parse(value, CultureInfo.InvariantCulture) }; break;
        case "--min-count": options = options with { MinCount = int.Parse(value, CultureInfo.InvariantCulture) }; break;
        case "--target": targets.Add(value); break;
        case "--probe": probes.Add(value); break;
        case "--threshold": options = options with { Threshold = double.Parse(value, CultureInfo.InvariantCulture) }; break;
        case "--veto-below": options = options with { VetoBelow = double.Parse(value, CultureInfo.InvariantCulture) }; break;
        case "--overrides-set-aside": options = options with { OverridesSetAside = bool.Parse(value) }; break;
        default: throw new ArgumentException($"Unknown option {args[i - 1]}.");
    }
}

// --probe TEXT: how the served detector reads a message, then stop.
foreach (var probe in probes)
{
    var r = RedFlagDetector.Default.Detect(probe);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{UrgencyClassifier.Bundled.Predict(probe).Urgency:0.000} urgent={r.IsUrgent} [{string.Join(',', r.MatchedRules)}] rules-alone={RedFlagDetector.Rules.Detect(probe).IsUrgent}: {probe}"));
}

if (probes.Count > 0)
{
    return;
}

var folder = FindSafetyFolder();
var files = Directory.GetFiles(folder, "red-flags*.tsv").Order(StringComparer.Ordinal).ToList();
var sets = files.ToDictionary(f => Path.GetFileName(f), LabelledMessageReader.Read, StringComparer.Ordinal);

// The sets written by someone who never read the rules: the ones whose first score means something.
if (targets.Count == 0)
{
    // Development sets only: the held-out set is scored by its test, never used to choose settings.
    targets.AddRange(files.Select(f => Path.GetFileName(f)).Where(f => Trainable(f) && File.ReadLines(Path.Combine(folder, f)).First().Contains("without reading", StringComparison.Ordinal)));
}

// Each method reads a message with the rules alone, the model trained without the set, and both as served.
var methods = new List<(string Name, Func<string, UrgencyClassifier, RedFlagDetector, bool> Flag)>
{
    ("rules alone", (text, _, _) => RedFlagDetector.Rules.Detect(text).IsUrgent),
    (string.Create(CultureInfo.InvariantCulture, $"learned alone (≥ {options.Threshold:0.00})"), (text, model, _) => model.Predict(text).Urgency >= options.Threshold),
    ("served: rules and learned screen", (text, _, served) => served.Detect(text).IsUrgent),
};

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Options: epochs {options.Epochs}, lr {options.LearningRate}, l2 {options.L2}, min count {options.MinCount}, threshold {options.Threshold}, veto below {options.VetoBelow}, overrides set-aside {options.OverridesSetAside}; {sets.Values.Sum(s => s.Count)} messages in {sets.Count} sets"));
Console.WriteLine("Cells: recall / false-positive rate on the set left out.");
Console.WriteLine();
var counts = new int[methods.Count, targets.Count + 1, 4];
var trainTime = TimeSpan.Zero;
var predictTime = TimeSpan.Zero;
var predicted = 0;
var categoryChecked = 0;
var categoryAgreed = 0;
var selfHarmChecked = 0;
var selfHarmAgreed = 0;
for (var s = 0; s < targets.Count; s++)
{
    var target = targets[s];
    var pool = sets.Where(x => x.Key != target && Trainable(x.Key)).SelectMany(x => x.Value).ToList();
    var clock = Stopwatch.StartNew();
    var model = UrgencyClassifier.Train(pool, options);
    trainTime += clock.Elapsed;
    var served = new RedFlagDetector(learned: model);
    foreach (var m in sets[target])
    {
        clock.Restart();
        _ = model.Predict(m.Text);
        predictTime += clock.Elapsed;
        predicted++;
        if (m.Category is { } labelled && served.Detect(m.Text) is { IsUrgent: true } flagged)
        {
            // The notice's advice follows the category (crisis lines for self-harm, poison centre...).
            categoryChecked++;
            categoryAgreed += flagged.Categories.Contains(labelled) ? 1 : 0;
            selfHarmChecked += labelled == RedFlagCategory.SelfHarm ? 1 : 0;
            selfHarmAgreed += labelled == RedFlagCategory.SelfHarm && flagged.Categories.Contains(labelled) ? 1 : 0;
        }

        for (var k = 0; k < methods.Count; k++)
        {
            var cell = (m.Urgent ? 0 : 2) + (methods[k].Flag(m.Text, model, served) ? 0 : 1);
            counts[k, s, cell]++;
            counts[k, targets.Count, cell]++;
        }
    }
}

// Real consultation questions never trained on (odd rows of the AraMed sample), screened by a model
// trained on every development set: how often an ordinary question gets the urgent notice.
var ordinary = OddRowQuestions(Path.Combine(folder, "..", "aramed-sample.csv"));
var full = UrgencyClassifier.Train(sets.Where(x => Trainable(x.Key)).SelectMany(x => x.Value).ToList(), options);
var fullServed = new RedFlagDetector(learned: full);

Console.WriteLine("| method | " + string.Join(" | ", targets.Select(t => $"{t} ({sets[t].Count})")) + $" | all left out | ordinary questions triggering ({ordinary.Count}) |");
Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", targets.Count + 2)));
for (var k = 0; k < methods.Count; k++)
{
    var triggering = ordinary.Count(q => methods[k].Flag(q, full, fullServed));
    Console.WriteLine($"| {methods[k].Name} | " + string.Join(" | ", Enumerable.Range(0, targets.Count + 1).Select(s => Cell(counts, k, s))) + string.Create(CultureInfo.InvariantCulture, $" | {triggering / (double)Math.Max(1, ordinary.Count):0.000} ({triggering}) |"));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Served: the writer's category is among the categories named on {categoryAgreed}/{categoryChecked} urgent messages flagged ({categoryAgreed / (double)Math.Max(1, categoryChecked):0.000}); self-harm, whose notice adds crisis lines: {selfHarmAgreed}/{selfHarmChecked}."));
// Screening cost per message, rules alone against the served detector, over the same messages in one run.
var all = sets.Values.SelectMany(x => x).Select(m => m.Text).ToList();
foreach (var text in all.Take(200))
{
    _ = RedFlagDetector.Rules.Detect(text);
    _ = fullServed.Detect(text);
}

var rulesClock = Stopwatch.StartNew();
foreach (var text in all)
{
    _ = RedFlagDetector.Rules.Detect(text);
}

var rulesTime = rulesClock.Elapsed;
var servedClock = Stopwatch.StartNew();
foreach (var text in all)
{
    _ = fullServed.Detect(text);
}

var servedTime = servedClock.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training: {trainTime.TotalSeconds / targets.Count:0.00} s a model; prediction: {predictTime.TotalMilliseconds * 1000 / Math.Max(1, predicted):0} µs a message."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Screening {all.Count} messages: rules alone {rulesTime.TotalMilliseconds * 1000 / all.Count:0} µs a message, served {servedTime.TotalMilliseconds * 1000 / all.Count:0} µs ({servedTime / rulesTime:0.0}×)."));

// Recall (tp / urgent) and false-positive rate (fp / not urgent).
static string Cell(int[,,] c, int k, int s) => string.Create(CultureInfo.InvariantCulture, $"{c[k, s, 0] / (double)Math.Max(1, c[k, s, 0] + c[k, s, 1]):0.000} / {c[k, s, 2] / (double)Math.Max(1, c[k, s, 2] + c[k, s, 3]):0.000}");

// The sets the built-in model trains on (BundledLabelledSets): never a held-out or the unseen set.
static bool Trainable(string name) => name == "red-flags.tsv" || name.StartsWith("red-flags-dev", StringComparison.Ordinal);

// The question column of the odd data rows: the even rows train the learned screen (red-flags-dev-ordinary.tsv).
static List<string> OddRowQuestions(string path)
{
    using var table = TableReader.Open(path);
    var column = table.Columns.ToList().IndexOf("question");
    return table.Rows().Select(r => r.Values[column] ?? "").Where((_, i) => i % 2 == 1).Where(q => q.Length > 0).ToList();
}

static string FindSafetyFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "samples", "safety");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException("samples/safety not found above " + AppContext.BaseDirectory + "; run from a Shifa checkout.");
}
