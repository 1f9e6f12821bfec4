// BERT input embeddings: word + position + token type, then LayerNorm (Hugging Face BertEmbeddings and RobertaEmbeddings).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>Sum of word, absolute position and token-type embeddings, layer-normalized.</summary>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Embedding word_embeddings;
    private readonly Embedding position_embeddings;
    private readonly Embedding token_type_embeddings;
    private readonly LayerNorm LayerNorm;
#pragma warning restore IDE1006
    private readonly long? _paddingIdx;

    /// <summary>Builds the embedding tables.</summary>
    public BertEmbeddings(BertConfig config) : base(nameof(BertEmbeddings))
    {
        ArgumentNullException.ThrowIfNull(config);
        _paddingIdx = config.UsesPaddingOffsetPositions ? config.PadTokenId : null;
        word_embeddings = nn.Embedding(config.VocabSize, config.HiddenSize);
        position_embeddings = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        token_type_embeddings = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        RegisterComponents();
    }

    /// <summary>
    /// Embeds (batch, time) ids with token type 0 and positions 0..time−1 (BERT), or for RoBERTa
    /// positions padding_idx + 1, + 2, … over non-padding ids and padding_idx on padding ids.
    /// </summary>
    public override Tensor forward(Tensor inputIds)
    {
        Tensor positions;
        if (_paddingIdx is { } pad)
        {
            // RoBERTa derives positions from the ids, not the attention mask: any id equal to the
            // padding id is treated as padding wherever it stands.
            var real = inputIds.ne(pad).to_type(ScalarType.Int64);                                    // (B, T)
            positions = (real.cumsum(1) * real) + pad;                                                 // (B, T)
        }
        else
        {
            positions = arange(inputIds.shape[1], dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0); // (1, T)
        }

        var x = word_embeddings.forward(inputIds)                                                       // (B, T, C)
            + position_embeddings.forward(positions)                                                    // (B or 1, T, C)
            + token_type_embeddings.forward(zeros_like(inputIds));                                     // (B, T, C)
        return LayerNorm.forward(x);
    }
}
