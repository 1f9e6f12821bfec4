// GPT-2 MLP with the tanh-approximated GELU Hugging Face calls gelu_new.
using Shifa.Modeling.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Gpt2;

/// <summary>GPT-2 MLP: <c>c_fc</c> (hidden → 4·hidden), GELU with tanh approximation ("gelu_new"), <c>c_proj</c>.</summary>
public sealed class Gpt2Mlp : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly AdaptableLinear c_fc;
    private readonly AdaptableLinear c_proj;
#pragma warning restore IDE1006

    /// <summary>Builds the MLP.</summary>
    public Gpt2Mlp(ModelConfig config) : base(nameof(Gpt2Mlp))
    {
        c_fc = new AdaptableLinear(config.HiddenSize, config.IntermediateSize, hasBias: true, weightIsInputMajor: true,
            initStd: config.InitializerRange);
        c_proj = new AdaptableLinear(config.IntermediateSize, config.HiddenSize, hasBias: true, weightIsInputMajor: true,
            initStd: config.InitializerRange / Math.Sqrt(2.0 * config.NumLayers));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) =>
        c_proj.forward(nn.functional.gelu(c_fc.forward(x), TorchSharp.Modules.GELU.Approximate.tanh));
}
