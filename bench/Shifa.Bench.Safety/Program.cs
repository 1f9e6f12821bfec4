// Leave-one-set-out runs of the red-flag screen: for each independently written set, train the
// learned screen on every other set (held-out files never), then score the rules alone, the learned
// screen alone and both together on the set left out. This is how the learned screen's settings
// were chosen and how much it adds to the rules on phrasing it has not seen is estimated.
//
//   dotnet run -c Release --project bench/Shifa.Bench.Safety -- [--epochs N] [--lr X] [--l2 X] [--min-count N] [--target FILE]...
using System.Diagnostics;
using System.Globalization;
using Shifa.Core.Readers;
using Shifa.Web.Safety;

var options = new UrgencyTrainingOptions();
var targets = new List<string>();
var veto = 0.1;
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
        case "--veto": veto = double.Parse(value, CultureInfo.InvariantCulture); break;
        case "--probe": probes.Add(value); break;
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
    targets.AddRange(files.Select(f => Path.GetFileName(f)).Where(f => File.ReadLines(Path.Combine(folder, f)).First().Contains("without reading", StringComparison.Ordinal)));
}

double[] thresholds = [0.4, 0.5, 0.6, 0.7];
var methods = new List<(string Name, Func<bool, double, bool> Flag)> { ("rules alone", (rules, _) => rules) };
methods.AddRange(thresholds.Select(t => (string.Create(CultureInfo.InvariantCulture, $"learned ≥ {t:0.0}"), (Func<bool, double, bool>)((_, p) => p >= t))));
methods.AddRange(thresholds.Select(t => (string.Create(CultureInfo.InvariantCulture, $"rules or learned ≥ {t:0.0}"), (Func<bool, double, bool>)((rules, p) => rules || p >= t))));
methods.AddRange(thresholds.Select(t => (string.Create(CultureInfo.InvariantCulture, $"rules (unless learned < {veto:0.00}) or learned ≥ {t:0.0}"), (Func<bool, double, bool>)((rules, p) => (rules && p >= veto) || p >= t))));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Options: epochs {options.Epochs}, lr {options.LearningRate}, l2 {options.L2}, min count {options.MinCount}; {sets.Values.Sum(s => s.Count)} messages in {sets.Count} sets"));
Console.WriteLine("Cells: recall / false-positive rate on the set left out.");
Console.WriteLine();
var counts = new int[methods.Count, targets.Count + 1, 4];
var trainTime = TimeSpan.Zero;
var predictTime = TimeSpan.Zero;
var predicted = 0;
var rulesOnly = RedFlagDetector.Rules;
for (var s = 0; s < targets.Count; s++)
{
    var target = targets[s];
    var pool = sets.Where(x => x.Key != target && !x.Key.Contains("heldout", StringComparison.Ordinal)).SelectMany(x => x.Value).ToList();
    var clock = Stopwatch.StartNew();
    var model = UrgencyClassifier.Train(pool, options);
    trainTime += clock.Elapsed;
    foreach (var m in sets[target])
    {
        clock.Restart();
        var p = model.Predict(m.Text).Urgency;
        predictTime += clock.Elapsed;
        predicted++;
        var byRules = rulesOnly.Detect(m.Text).IsUrgent;
        for (var k = 0; k < methods.Count; k++)
        {
            var cell = (m.Urgent ? 0 : 2) + (methods[k].Flag(byRules, p) ? 0 : 1);
            counts[k, s, cell]++;
            counts[k, targets.Count, cell]++;
        }
    }
}

// Real consultation questions never trained on (odd rows of the AraMed sample), screened by a model
// trained on every development set: how often an ordinary question gets the urgent notice.
var ordinary = OddRowQuestions(Path.Combine(folder, "..", "aramed-sample.csv"));
var full = UrgencyClassifier.Train(sets.Where(x => !x.Key.Contains("heldout", StringComparison.Ordinal)).SelectMany(x => x.Value).ToList(), options);
var ordinaryScores = ordinary.Select(q => (Rules: rulesOnly.Detect(q).IsUrgent, P: full.Predict(q).Urgency)).ToList();

Console.WriteLine("| method | " + string.Join(" | ", targets.Select(t => $"{t} ({sets[t].Count})")) + $" | all left out | ordinary questions triggering ({ordinary.Count}) |");
Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", targets.Count + 2)));
for (var k = 0; k < methods.Count; k++)
{
    var triggering = ordinaryScores.Count(o => methods[k].Flag(o.Rules, o.P));
    Console.WriteLine($"| {methods[k].Name} | " + string.Join(" | ", Enumerable.Range(0, targets.Count + 1).Select(s => Cell(counts, k, s))) + string.Create(CultureInfo.InvariantCulture, $" | {triggering / (double)Math.Max(1, ordinary.Count):0.000} ({triggering}) |"));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training: {trainTime.TotalSeconds / targets.Count:0.00} s a model; prediction: {predictTime.TotalMilliseconds * 1000 / Math.Max(1, predicted):0} µs a message."));

// Recall (tp / urgent) and false-positive rate (fp / not urgent).
static string Cell(int[,,] c, int k, int s) => string.Create(CultureInfo.InvariantCulture, $"{c[k, s, 0] / (double)Math.Max(1, c[k, s, 0] + c[k, s, 1]):0.000} / {c[k, s, 2] / (double)Math.Max(1, c[k, s, 2] + c[k, s, 3]):0.000}");

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
