// Default layers from bert_score 0.3.12's model2layers table (tuned on WMT16 correlation).
namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>Known models and the layer bert_score uses for them by default.</summary>
public static class BertScoreModels
{
    /// <summary>bert_score's default model for Arabic (and any language it has no model for).</summary>
    public const string ArabicDefault = "bert-base-multilingual-cased";

    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["bert-base-multilingual-cased"] = 9,
        ["xlm-roberta-base"] = 9,
        ["xlm-roberta-large"] = 17,
        ["roberta-base"] = 10,
        ["roberta-large"] = 17,
    };

    /// <summary>
    /// The explicit layer when given, else bert_score's default for <paramref name="model"/>;
    /// other models must name their layer.
    /// </summary>
    public static int ResolveLayer(string model, int? layer)
    {
        if (layer is { } l)
        {
            return l >= 0 ? l : throw new ArgumentOutOfRangeException(nameof(layer), l, "Layer must be 0 (embeddings) or above.");
        }

        var name = Path.GetFileName(model.TrimEnd('/', '\\'));
        return Layers.TryGetValue(name, out var d)
            ? d
            : throw new ArgumentException($"No default BERTScore layer for model '{name}'; pass the layer explicitly (defaults exist for {string.Join(", ", Layers.Keys)}).", nameof(layer));
    }
}
