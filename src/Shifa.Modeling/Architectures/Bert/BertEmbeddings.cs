// BERT input embeddings: word + position + token type, then LayerNorm (Hugging Face BertEmbeddings).
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

    /// <summary>Builds the embedding tables.</summary>
    public BertEmbeddings(BertConfig config) : base(nameof(BertEmbeddings))
    {
        word_embeddings = nn.Embedding(config.VocabSize, config.HiddenSize);
        position_embeddings = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        token_type_embeddings = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        RegisterComponents();
    }

    /// <summary>Embeds (batch, time) ids with positions 0..time−1 and token type 0.</summary>
    public override Tensor forward(Tensor inputIds)
    {
        var time = inputIds.shape[1];
        var positions = arange(time, dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0); // (1, T)
        var x = word_embeddings.forward(inputIds)                                                       // (B, T, C)
            + position_embeddings.forward(positions)                                                    // (1, T, C)
            + token_type_embeddings.forward(zeros_like(inputIds));                                     // (B, T, C)
        return LayerNorm.forward(x);
    }
}
