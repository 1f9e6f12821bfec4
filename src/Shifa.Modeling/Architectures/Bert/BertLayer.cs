// One BERT transformer layer (Hugging Face BertLayer).
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>Attention block, then feed-forward (<c>intermediate</c> + <c>output</c>), post-norm.</summary>
public sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly BertAttention attention;
    private readonly BertIntermediate intermediate;
    private readonly BertSublayerOutput output;
#pragma warning restore IDE1006

    /// <summary>Builds the layer.</summary>
    public BertLayer(BertConfig config) : base(nameof(BertLayer))
    {
        attention = new BertAttention(config);
        intermediate = new BertIntermediate(config);
        output = new BertSublayerOutput(config, config.IntermediateSize);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x, Tensor additiveMask)
    {
        var a = attention.forward(x, additiveMask);
        return output.forward(intermediate.forward(a), a);
    }
}
