// SwiGLU MLP: down_proj(silu(gate_proj(x)) * up_proj(x)).
using Shifa.Modeling.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Llama;

/// <summary>LLaMA's gated MLP with <c>gate_proj</c>, <c>up_proj</c> and <c>down_proj</c>.</summary>
public sealed class LlamaMlp : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly AdaptableLinear gate_proj;
    private readonly AdaptableLinear up_proj;
    private readonly AdaptableLinear down_proj;
#pragma warning restore IDE1006

    /// <summary>Builds the MLP.</summary>
    public LlamaMlp(ModelConfig config) : base(nameof(LlamaMlp))
    {
        double std = config.InitializerRange;
        gate_proj = new AdaptableLinear(config.HiddenSize, config.IntermediateSize, hasBias: false, initStd: std);
        up_proj = new AdaptableLinear(config.HiddenSize, config.IntermediateSize, hasBias: false, initStd: std);
        down_proj = new AdaptableLinear(config.IntermediateSize, config.HiddenSize, hasBias: false,
            initStd: std / Math.Sqrt(2.0 * config.NumLayers));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x) =>
        down_proj.forward(nn.functional.silu(gate_proj.forward(x)).mul(up_proj.forward(x)));
}
