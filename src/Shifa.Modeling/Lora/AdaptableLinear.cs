// A linear projection that a LoRA adapter can be attached to (Hu et al. 2021; key names follow Hugging Face PEFT).
using Shifa.Modeling.Architectures;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Lora;

/// <summary>
/// <c>y = x Wᵀ + b</c>, plus <c>(α/r) · dropout(x) Aᵀ Bᵀ</c> once a LoRA adapter is attached.
/// Parameters are named <c>weight</c>, <c>bias</c>, <c>lora_A.weight</c> (r × in) and <c>lora_B.weight</c> (out × r),
/// so a model's state dict keeps Hugging Face's base names and PEFT's adapter names.
/// </summary>
/// <remarks>
/// GPT-2 stores its projections as <c>Conv1D</c> with the weight transposed, <c>[in, out]</c>. That quirk lives here
/// and nowhere else: with <see cref="WeightIsInputMajor"/> the weight keeps the checkpoint's <c>[in, out]</c> shape and
/// the product is <c>x W</c>; LoRA matrices keep PEFT's shapes either way (PEFT's <c>fan_in_fan_out</c>).
/// </remarks>
public sealed class AdaptableLinear : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private Linear? lora_A;
    private Linear? lora_B;
#pragma warning restore IDE1006
    private double _loraScale;
    private double _loraDropout;
    private bool _merged;

    /// <summary>Creates a projection with weights drawn from N(0, <paramref name="initStd"/>²) and zero bias.</summary>
    /// <param name="inFeatures">Input width.</param>
    /// <param name="outFeatures">Output width.</param>
    /// <param name="hasBias">Whether there is a bias vector.</param>
    /// <param name="weightIsInputMajor">Store the weight as <c>[in, out]</c> (GPT-2's Conv1D) instead of <c>[out, in]</c>.</param>
    /// <param name="initStd">Standard deviation of the initial weights.</param>
    public AdaptableLinear(long inFeatures, long outFeatures, bool hasBias, bool weightIsInputMajor = false, double initStd = 0.02)
        : base(nameof(AdaptableLinear))
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        WeightIsInputMajor = weightIsInputMajor;
        long[] shape = weightIsInputMajor ? [inFeatures, outFeatures] : [outFeatures, inFeatures];
        weight = new Parameter(normal(0, initStd, shape));
        bias = hasBias ? new Parameter(zeros(outFeatures)) : null;
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public long InFeatures { get; }

    /// <summary>Output width.</summary>
    public long OutFeatures { get; }

    /// <summary>True for GPT-2's Conv1D layout (<c>[in, out]</c> weight).</summary>
    public bool WeightIsInputMajor { get; }

    /// <summary>The base weight, in the layout described by <see cref="WeightIsInputMajor"/>.</summary>
    public Parameter Weight => weight;

    /// <summary>The bias, if any.</summary>
    public Parameter? Bias => bias;

    /// <summary>Whether a LoRA adapter is attached (merged or not).</summary>
    public bool HasAdapter => lora_A is not null;

    /// <summary>The adapter's down-projection A (r × in), if attached.</summary>
    public Parameter? LoraA => lora_A?.weight;

    /// <summary>The adapter's up-projection B (out × r), if attached.</summary>
    public Parameter? LoraB => lora_B?.weight;

    /// <summary>
    /// Attaches a LoRA adapter: A ~ Kaiming-uniform, B = 0 (so the output is unchanged until B trains),
    /// scale α/r, dropout applied to the adapter's input only while training.
    /// </summary>
    public void AttachAdapter(int rank, double alpha, double dropout)
    {
        if (HasAdapter) throw new InvalidOperationException("This projection already has a LoRA adapter.");
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        var device = weight.device;
        lora_A = nn.Linear(InFeatures, rank, hasBias: false, device: device, dtype: weight.dtype);
        lora_B = nn.Linear(rank, OutFeatures, hasBias: false, device: device, dtype: weight.dtype);
        using (no_grad())
        {
            nn.init.kaiming_uniform_(lora_A.weight, a: Math.Sqrt(5));
            lora_B.weight!.zero_();
        }
        register_module("lora_A", lora_A);
        register_module("lora_B", lora_B);
        _loraScale = alpha / rank;
        _loraDropout = dropout;
        _merged = false;
    }

    /// <summary>The adapter's contribution to the weight, in the base weight's layout: (α/r)·BA or its transpose.</summary>
    public Tensor AdapterDelta()
    {
        if (lora_A is null || lora_B is null) throw new InvalidOperationException("No LoRA adapter is attached.");
        var delta = lora_B.weight!.matmul(lora_A.weight!).mul(_loraScale);   // (out, in)
        return WeightIsInputMajor ? delta.t() : delta;                           // (in, out) for Conv1D layout
    }

    /// <summary>Adds the adapter into the base weight; afterwards the adapter is bypassed and outputs are unchanged.</summary>
    public void MergeAdapter()
    {
        if (_merged) return;
        using var scope = NewDisposeScope();
        using (no_grad()) weight.add_(AdapterDelta());
        _merged = true;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        // Inside an Autocast scope both products run in its compute type while the parameters stay float32.
        var output = WeightIsInputMajor
            ? Autocast.MatMul(input, weight, bias)
            : Autocast.Linear(input, weight, bias);
        if (lora_A is null || lora_B is null || _merged) return output;
        var adapterInput = training && _loraDropout > 0 ? nn.functional.dropout(input, _loraDropout, training) : input;
        return output.add(Autocast.Linear(Autocast.Linear(adapterInput, lora_A.weight!), lora_B.weight!).mul(_loraScale));
    }
}
