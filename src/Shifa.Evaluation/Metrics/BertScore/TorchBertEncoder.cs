// Hidden states for BERTScore from Shifa's TorchSharp BERT-family encoder (BERT, RoBERTa, XLM-R), truncated at the scoring layer.
using Shifa.Modeling.Architectures.Bert;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>
/// Runs a Hugging Face encoder folder up to one layer, as bert_score does by cutting the encoder
/// after <c>num_layers</c> layers: BERT (config.json, safetensors, vocab.txt), XLM-RoBERTa
/// (sentencepiece.bpe.model) or RoBERTa (vocab.json + merges.txt). Batches are padded with the
/// tokenizer's padding id, which RoBERTa-family position numbering relies on.
/// </summary>
public sealed class TorchBertEncoder : IBertScoreEncoder, IDisposable
{
    private readonly BertModel _model;
    private readonly IEncoderTokenizer _tokenizer;
    private readonly int _maxLength;

    /// <summary>Wraps an already built model and tokenizer.</summary>
    public TorchBertEncoder(BertModel model, IEncoderTokenizer tokenizer, string modelName, int layer)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        if (layer < 0 || layer > model.Layers)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"The model holds layers 0..{model.Layers}.");
        }

        ModelName = modelName;
        Layer = layer;
        // transformers' model_max_length is 512 for BERT, RoBERTa and XLM-R alike (XLM-R's 514
        // position rows hold two offset rows, not two more tokens).
        _maxLength = Math.Min(512, model.Config.MaxInputLength);
    }

    /// <inheritdoc/>
    public string ModelName { get; }

    /// <inheritdoc/>
    public int Layer { get; }

    /// <inheritdoc/>
    public int ClsId => _tokenizer.ClsId;

    /// <inheritdoc/>
    public int SepId => _tokenizer.SepId;

    /// <inheritdoc/>
    public int Dimension => _model.Config.HiddenSize;

    /// <summary>
    /// Loads <paramref name="folder"/>, building only the layers up to <paramref name="layer"/>
    /// (null = bert_score's default for the folder's model name).
    /// </summary>
    public static TorchBertEncoder Load(string folder, int? layer = null, string? modelName = null)
    {
        var config = BertConfig.Load(folder);
        var l = BertScoreModels.ResolveLayer(modelName ?? folder, layer);
        var tokenizer = EncoderTokenizerLoader.Load(folder, config);
        var model = BertModel.Load(folder, l);
        return new TorchBertEncoder(model, tokenizer, modelName ?? NameOf(folder, config), l);
    }

    /// <summary>
    /// The name a folder's scores are signed with: the folder's name, followed by its
    /// <c>model_type</c> in parentheses when the name does not already say it (bert_score signs
    /// with hub ids such as <c>xlm-roberta-large</c>, which do; a local folder's name may not).
    /// </summary>
    public static string NameOf(string folder, BertConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return name.Contains(config.ModelType, StringComparison.OrdinalIgnoreCase) ? name : $"{name}({config.ModelType})";
    }

    /// <inheritdoc/>
    public int[] Tokenize(string sentence) => _tokenizer.EncodeSentence(sentence, _maxLength);

    /// <inheritdoc/>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<int[]> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }

        var time = batch.Max(b => b.Length);
        var ids = new long[batch.Count * time];
        var mask = new long[batch.Count * time];
        Array.Fill(ids, _tokenizer.PadId);
        for (var b = 0; b < batch.Count; b++)
        {
            for (var t = 0; t < batch[b].Length; t++)
            {
                ids[(b * time) + t] = batch[b][t];
                mask[(b * time) + t] = 1;
            }
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var hidden = _model.HiddenState(
            tensor(ids, [batch.Count, time]), tensor(mask, [batch.Count, time]), Layer)   // (B, T, C)
            .to_type(ScalarType.Float32).contiguous().cpu();
        var all = hidden.data<float>().ToArray();
        var dim = Dimension;
        var result = new List<float[]>(batch.Count);
        for (var b = 0; b < batch.Count; b++)
        {
            var v = new float[batch[b].Length * dim];
            Array.Copy(all, (long)b * time * dim, v, 0, v.Length);
            result.Add(v);
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _model.Dispose();
}
