// BERT feed-forward expansion with its activation (Hugging Face BertIntermediate).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary><c>act(dense(x))</c> from hidden to intermediate size.</summary>
public sealed class BertIntermediate : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Linear dense;
#pragma warning restore IDE1006
    private readonly string _activation;

    /// <summary>Builds the layer.</summary>
    public BertIntermediate(BertConfig config) : base(nameof(BertIntermediate))
    {
        dense = nn.Linear(config.HiddenSize, config.IntermediateSize);
        _activation = config.HiddenAct;
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x)
    {
        var h = dense.forward(x);
        return _activation switch
        {
            "relu" => nn.functional.relu(h),
            // gelu_new is the tanh approximation used by GPT-2.
            "gelu_new" => 0.5 * h * (1 + tanh(Math.Sqrt(2 / Math.PI) * (h + (0.044715 * h.pow(3))))),
            _ => nn.functional.gelu(h),
        };
    }
}
