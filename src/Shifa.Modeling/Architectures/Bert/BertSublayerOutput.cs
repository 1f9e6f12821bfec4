// Projection + residual + LayerNorm that closes each BERT sub-layer (BertSelfOutput and BertOutput).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary><c>LayerNorm(dense(x) + residual)</c>; named <c>output</c> in Hugging Face checkpoints.</summary>
public sealed class BertSublayerOutput : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Linear dense;
    private readonly LayerNorm LayerNorm;
#pragma warning restore IDE1006

    /// <summary>Builds the projection from <paramref name="inputSize"/> to the hidden size.</summary>
    public BertSublayerOutput(BertConfig config, int inputSize) : base(nameof(BertSublayerOutput))
    {
        dense = nn.Linear(inputSize, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x, Tensor residual) => LayerNorm.forward(dense.forward(x) + residual);
}
