using Shifa.Modeling.Architectures;
using Shifa.Modeling.Lora;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Architectures;

public sealed class AutocastTests
{
    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Bf16_scope_computes_logits_in_bf16_near_fp32_and_leaves_later_forwards_unchanged(string name)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        var ids = TinyModels.RandomIds(model.Config, 2, 10);
        var fp32 = model.forward(ids);

        Tensor bf16;
        using (Autocast.Enter(ScalarType.BFloat16))
        {
            bf16 = model.forward(ids);
        }

        Assert.Equal(ScalarType.Float32, fp32.dtype);
        Assert.Equal(ScalarType.BFloat16, bf16.dtype);
        Assert.Null(Autocast.ComputeType);
        var difference = bf16.to_type(ScalarType.Float32).sub(fp32).abs().max().item<float>();
        var scale = fp32.abs().max().item<float>();
        // bf16 keeps 8 significant bits (relative rounding 2⁻⁸ ≈ 0.4%); a few roundings in a row stay within 5% of the largest logit.
        Assert.True(difference > 0, "the scope changed nothing: the projections did not run in bf16");
        Assert.True(difference < 0.05 * scale, $"max |Δ| {difference} against max |logit| {scale}");
        TensorAssert.Identical(fp32, model.forward(ids), "a forward pass after the scope must be plain float32 again");
    }

    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Gradients_from_a_bf16_forward_reach_fp32_weights_as_fp32(string name)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        model.train();
        var ids = TinyModels.RandomIds(model.Config, 2, 10);
        using (Autocast.Enter(ScalarType.BFloat16))
        {
            var logits = model.forward(ids[.., ..^1]);
            nn.functional.cross_entropy(logits.to_type(ScalarType.Float32).reshape(-1, model.Config.VocabSize), ids[.., 1..].reshape(-1)).backward();
        }

        Assert.All(model.named_parameters(), p =>
        {
            Assert.Equal(ScalarType.Float32, p.parameter.dtype);
            Assert.NotNull(p.parameter.grad);
            Assert.Equal(ScalarType.Float32, p.parameter.grad!.dtype);
        });
    }

    [Fact]
    public void Lora_paths_run_in_bf16_and_train_fp32_adapter_weights()
    {
        using var scope = NewDisposeScope();
        var layer = new AdaptableLinear(16, 8, hasBias: true);
        layer.AttachAdapter(rank: 4, alpha: 8, dropout: 0);
        using (no_grad()) layer.LoraB!.normal_(0, 0.1);
        var input = randn(3, 16);
        var fp32 = layer.forward(input);

        Tensor bf16;
        using (Autocast.Enter(ScalarType.BFloat16))
        {
            bf16 = layer.forward(input);
        }

        bf16.to_type(ScalarType.Float32).sum().backward();
        Assert.Equal(ScalarType.BFloat16, bf16.dtype);
        Assert.True(bf16.to_type(ScalarType.Float32).allclose(fp32, rtol: 0.02, atol: 0.02));
        Assert.True(bf16.to_type(ScalarType.Float32).ne(fp32).any().item<bool>(), "the adapter layer did not compute in bf16");
        foreach (var parameter in new[] { layer.Weight, layer.Bias!, layer.LoraA!, layer.LoraB! })
        {
            Assert.Equal(ScalarType.Float32, parameter.dtype);
            Assert.Equal(ScalarType.Float32, parameter.grad!.dtype);
        }
    }

    [Fact]
    public void Attention_inside_a_scope_runs_in_fp32_on_the_cpu()
    {
        using var scope = NewDisposeScope();
        var (q, k, v) = (randn(2, 4, 6, 8), randn(2, 4, 6, 8), randn(2, 4, 6, 8));
        var (q16, k16, v16) = (q.to_type(ScalarType.BFloat16), k.to_type(ScalarType.BFloat16), v.to_type(ScalarType.BFloat16));

        Tensor inside;
        using (Autocast.Enter(ScalarType.BFloat16))
        {
            inside = Autocast.ScaledDotProductAttention(q16, k16, v16, null, isCausal: true);
        }

        var expected = nn.functional.scaled_dot_product_attention(
            q16.to_type(ScalarType.Float32), k16.to_type(ScalarType.Float32), v16.to_type(ScalarType.Float32), null, 0.0, is_casual: true);
        TensorAssert.Identical(expected, inside, "attention in a bf16 scope on the CPU");
        Assert.Equal(ScalarType.BFloat16, Autocast.ScaledDotProductAttention(q16, k16, v16, null, isCausal: true).dtype);
        TensorAssert.Identical(nn.functional.scaled_dot_product_attention(q, k, v, null, 0.0, is_casual: true),
            Autocast.ScaledDotProductAttention(q, k, v, null, isCausal: true), "attention outside a scope");
    }

    [Fact]
    public void Scopes_nest_and_restore_the_previous_type()
    {
        Assert.Null(Autocast.ComputeType);
        using (Autocast.Enter(ScalarType.BFloat16))
        {
            using (Autocast.Enter(null))
            {
                Assert.Null(Autocast.ComputeType);
            }

            Assert.Equal(ScalarType.BFloat16, Autocast.ComputeType);
        }

        Assert.Null(Autocast.ComputeType);
        Assert.Throws<ArgumentException>(() => Autocast.Enter(ScalarType.Int64));
    }
}
