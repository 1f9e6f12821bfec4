// A multinomial logistic regression over sparse message features: class 0 "answer normally", one
// class per emergency category. It reads what the hand-written rules cannot enumerate (new stems,
// new combinations of concepts) and backs them up; it sets a fired rule aside only when nearly sure.
namespace Shifa.Web.Safety;

/// <summary>
/// Learned urgency screen trained on labelled messages (<see cref="LabelledMessageReader"/>).
/// Immutable after training and thread-safe.
/// </summary>
public sealed class UrgencyClassifier
{
    private static readonly RedFlagCategory[] Categories = Enum.GetValues<RedFlagCategory>();

    private static readonly int Classes = Categories.Length + 1;

    private static readonly Lazy<UrgencyClassifier> BundledModel = new(() => Train(BundledLabelledSets.Read()));

    private readonly Dictionary<string, int> _features;
    private readonly float[] _weights;
    private readonly float[] _bias;

    private UrgencyClassifier(Dictionary<string, int> features, float[] weights, float[] bias, UrgencyTrainingOptions options, int trainedOn)
    {
        _features = features;
        _weights = weights;
        _bias = bias;
        Threshold = options.Threshold;
        VetoBelow = options.VetoBelow;
        OverridesSetAside = options.OverridesSetAside;
        TrainedOn = trainedOn;
    }

    /// <summary>
    /// The model trained with default options on the development sets that ship inside Shifa
    /// (<see cref="BundledLabelledSets"/>); trained once per process on first use (a few seconds).
    /// </summary>
    public static UrgencyClassifier Bundled => BundledModel.Value;

    /// <summary>Urgency at or above which <see cref="IsUrgent"/> holds.</summary>
    public double Threshold { get; }

    /// <summary>Urgency below which <see cref="Vetoes"/> holds.</summary>
    public double VetoBelow { get; }

    /// <summary>See <see cref="UrgencyTrainingOptions.OverridesSetAside"/>.</summary>
    public bool OverridesSetAside { get; }

    /// <summary>Number of messages the model was trained on.</summary>
    public int TrainedOn { get; }

    /// <summary>Number of distinct features the model knows.</summary>
    public int FeatureCount => _features.Count;

    /// <summary>
    /// Fits a model to <paramref name="messages"/>. Urgent and non-urgent messages weigh the same in
    /// total, so a set with more of one kind does not shift the threshold.
    /// </summary>
    /// <exception cref="ArgumentException">The messages lack an urgent or a non-urgent example.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public static UrgencyClassifier Train(IReadOnlyList<LabelledMessage> messages, UrgencyTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        options ??= new UrgencyTrainingOptions();
        if (options.Epochs < 1 || options.LearningRate <= 0 || options.L2 < 0 || options.MinCount < 1 || options.Threshold is < 0 or > 1 || options.VetoBelow is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options, "Epochs and MinCount must be at least 1, LearningRate positive, L2 not negative, Threshold and VetoBelow within 0..1.");
        }

        var urgent = messages.Count(m => m.Urgent);
        if (urgent == 0 || urgent == messages.Count)
        {
            throw new ArgumentException($"Training needs urgent and non-urgent messages; got {urgent} urgent of {messages.Count}.", nameof(messages));
        }

        // The concept tagger is the slow part of extraction; each message lands at its own index, so order stays fixed.
        var extracted = new HashSet<string>[messages.Count];
        Parallel.For(0, messages.Count, i => extracted[i] = UrgencyFeatures.Extract(RedFlagDetector.Read(messages[i].Text), out _));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in extracted.SelectMany(x => x))
        {
            counts[f] = counts.GetValueOrDefault(f) + 1;
        }

        // Ordinal order, so the same messages give the same indices and the same model.
        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in counts.Where(c => c.Value >= options.MinCount).Select(c => c.Key).Order(StringComparer.Ordinal))
        {
            features[f] = features.Count;
        }

        var rows = extracted.Select(x => x.Where(features.ContainsKey).Select(f => features[f]).Order().ToArray()).ToArray();
        var targets = messages.Select(m => m.Category is { } c ? 1 + Array.IndexOf(Categories, c) : 0).ToArray();
        var weightOf = messages.Select(m => m.Urgent ? messages.Count / (2.0 * urgent) : messages.Count / (2.0 * (messages.Count - urgent))).ToArray();

        var weights = new float[features.Count * Classes];
        var bias = new float[Classes];
        var squares = new float[weights.Length];
        var biasSquares = new float[Classes];
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(options.Seed);
        var scores = new double[Classes];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var row = rows[i];
                var scale = row.Length == 0 ? 0 : 1 / Math.Sqrt(row.Length);
                Scores(row, scale, weights, bias, scores);
                for (var k = 0; k < Classes; k++)
                {
                    var g = (scores[k] - (k == targets[i] ? 1 : 0)) * weightOf[i];
                    biasSquares[k] += (float)(g * g);
                    bias[k] -= (float)(options.LearningRate * g / Math.Sqrt(biasSquares[k] + 1e-8));
                    foreach (var f in row)
                    {
                        var w = (f * Classes) + k;
                        var gw = (g * scale) + (options.L2 * weights[w]);
                        squares[w] += (float)(gw * gw);
                        weights[w] -= (float)(options.LearningRate * gw / Math.Sqrt(squares[w] + 1e-8));
                    }
                }
            }
        }

        return new UrgencyClassifier(features, weights, bias, options, messages.Count);
    }

    /// <summary>Reads one message.</summary>
    public UrgencyPrediction Predict(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Predict(RedFlagDetector.Read(message));
    }

    /// <summary>Reads a message the rules have already read.</summary>
    internal UrgencyPrediction Predict(MessageReading reading)
    {
        var row = UrgencyFeatures.Extract(reading, out var onlyNegated).Where(_features.ContainsKey).Select(f => _features[f]).ToArray();
        var scores = new double[Classes];
        Scores(row, row.Length == 0 ? 0 : 1 / Math.Sqrt(row.Length), _weights, _bias, scores);
        var best = 1;
        for (var k = 2; k < Classes; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return new UrgencyPrediction(1 - scores[0], Categories[best - 1], onlyNegated);
    }

    /// <summary>
    /// True when <paramref name="prediction"/> reaches <see cref="Threshold"/>, unless every symptom the
    /// message names is negated: the words of "no chest pain, no sweating" look urgent to a word model.
    /// </summary>
    public bool IsUrgent(UrgencyPrediction prediction) => prediction.Urgency >= Threshold && !prediction.OnlyNegated;

    /// <summary>True when <paramref name="prediction"/> is below <see cref="VetoBelow"/>: sure enough the message is ordinary to set a fired rule aside.</summary>
    public bool Vetoes(UrgencyPrediction prediction) => prediction.Urgency < VetoBelow;

    // Softmax of the class scores of one sparse row, written into scores.
    private static void Scores(int[] row, double scale, float[] weights, float[] bias, double[] scores)
    {
        for (var k = 0; k < Classes; k++)
        {
            var s = (double)bias[k];
            foreach (var f in row)
            {
                s += weights[(f * Classes) + k] * scale;
            }

            scores[k] = s;
        }

        var max = scores.Max();
        var sum = 0.0;
        for (var k = 0; k < Classes; k++)
        {
            scores[k] = Math.Exp(scores[k] - max);
            sum += scores[k];
        }

        for (var k = 0; k < Classes; k++)
        {
            scores[k] /= sum;
        }
    }
}
