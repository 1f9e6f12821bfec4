// BERT pooler: tanh(dense([CLS] state)) (Hugging Face BertPooler).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>Pools the first token's final state.</summary>
public sealed class BertPooler : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Linear dense;
#pragma warning restore IDE1006

    /// <summary>Builds the pooler.</summary>
    public BertPooler(BertConfig config) : base(nameof(BertPooler))
    {
        dense = nn.Linear(config.HiddenSize, config.HiddenSize);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor hidden) => tanh(dense.forward(hidden.select(1, 0)));
}
