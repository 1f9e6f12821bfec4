// BERT attention block: self-attention then output projection with residual (Hugging Face BertAttention).
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>Self-attention (<c>self</c>) followed by its output sub-layer (<c>output</c>).</summary>
public sealed class BertAttention : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly BertSelfAttention self;
    private readonly BertSublayerOutput output;
#pragma warning restore IDE1006

    /// <summary>Builds the block.</summary>
    public BertAttention(BertConfig config) : base(nameof(BertAttention))
    {
        self = new BertSelfAttention(config);
        output = new BertSublayerOutput(config, config.HiddenSize);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x, Tensor additiveMask) => output.forward(self.forward(x, additiveMask), x);
}
