using Shifa.Modeling.Architectures;
using Shifa.Modeling.Architectures.Llama;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Architectures;

/// <summary>Pins the building blocks to formulas computed independently here (tolerance 1e-5 unless stated).</summary>
public sealed class ReferenceNumbersTests
{
    public ReferenceNumbersTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Rope_rotates_the_two_halves_of_each_head_as_pairs()
    {
        // head_dim 4, theta 10000: frequencies 1 and 10000^(-2/4) = 0.01; position 1 rotates pair (x0, x2) by 1 rad
        // and pair (x1, x3) by 0.01 rad — Hugging Face's rotate-half layout, not the interleaved one of Meta's code.
        using var scope = NewDisposeScope();
        var (cos, sin) = RotaryEmbedding.CosSin(past: 1, time: 1, headDim: 4, theta: 10000, device: CPU);
        var x = tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 1, 1, 4);                  // (B, H, T, hd)
        var y = RotaryEmbedding.Apply(x, cos, sin).reshape(4).data<float>().ToArray();
        double c1 = Math.Cos(1), s1 = Math.Sin(1), c2 = Math.Cos(0.01), s2 = Math.Sin(0.01);
        double[] expected = [1 * c1 - 3 * s1, 2 * c2 - 4 * s2, 3 * c1 + 1 * s1, 4 * c2 + 2 * s2];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], y[i], 5);
    }

    [Fact]
    public void Rms_norm_matches_its_formula()
    {
        using var scope = NewDisposeScope();
        var norm = new RmsNorm(3, 1e-6);
        var y = norm.forward(tensor(new float[] { 1, -2, 2 })).data<float>().ToArray();
        double rms = Math.Sqrt((1 + 4 + 4) / 3.0 + 1e-6);
        Assert.Equal([1 / rms, -2 / rms, 2 / rms], y.Select(v => (double)v), new ToleranceComparer(1e-6));
    }

    [Fact]
    public void Conv1d_layout_projection_equals_a_linear_layer_with_the_transposed_weight()
    {
        using var scope = NewDisposeScope();
        var conv = new AdaptableLinear(5, 3, hasBias: true, weightIsInputMajor: true);
        using (no_grad()) conv.Bias!.copy_(tensor(new float[] { 0.1f, -0.2f, 0.3f }));
        var x = randn(2, 5);
        var expected = x.matmul(conv.Weight).add(conv.Bias!);                            // x W + b with W [in, out]
        var linear = nn.functional.linear(x, conv.Weight.t(), conv.Bias);                  // x (Wᵀ)ᵀ + b
        Assert.Equal([5L, 3L], conv.Weight.shape);
        Assert.True(conv.forward(x).allclose(expected, rtol: 0, atol: 1e-6));
        Assert.True(conv.forward(x).allclose(linear, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Llama_layer_output_equals_a_naive_attention_written_out_by_hand()
    {
        // One layer, 4 query heads over 2 KV heads, window 3: the model's output must equal softmax(QKᵀ/√d + mask)V
        // computed per head with explicit loops over the allowed positions.
        using var scope = NewDisposeScope();
        var config = new ModelConfig
        {
            ModelType = "mistral", VocabSize = 11, HiddenSize = 16, IntermediateSize = 8, NumLayers = 1, NumHeads = 4,
            NumKeyValueHeads = 2, MaxPositions = 32, SlidingWindow = 3, TieWordEmbeddings = true,
        };
        manual_seed(3);
        var model = CausalLanguageModel.Create(config);
        model.eval();
        var state = model.state_dict();
        var ids = tensor(new long[] { 3, 1, 4, 1, 5, 9 }).unsqueeze(0);
        const int T = 6, H = 4, KV = 2, D = 4;

        var x = state["model.embed_tokens.weight"].index_select(0, ids[0]);                 // (T, C)
        Tensor Rms(Tensor v, string w) => v.div(v.pow(2).mean([-1L], keepdim: true).add(config.NormEpsilon).sqrt()).mul(state[w]);
        var h = Rms(x, "model.layers.0.input_layernorm.weight");
        var q = h.matmul(state["model.layers.0.self_attn.q_proj.weight"].t()).view(T, H, D);  // (T, H, D)
        var k = h.matmul(state["model.layers.0.self_attn.k_proj.weight"].t()).view(T, KV, D); // (T, KV, D)
        var v = h.matmul(state["model.layers.0.self_attn.v_proj.weight"].t()).view(T, KV, D); // (T, KV, D)
        var (cos, sin) = RotaryEmbedding.CosSin(0, T, D, config.RopeTheta, CPU);
        q = RotaryEmbedding.Apply(q.transpose(0, 1), cos, sin).transpose(0, 1);           // (T, H, D)
        k = RotaryEmbedding.Apply(k.transpose(0, 1), cos, sin).transpose(0, 1);           // (T, KV, D)

        var attended = zeros(T, H, D);
        for (int t = 0; t < T; t++)
        {
            for (int head = 0; head < H; head++)
            {
                int kvHead = head / (H / KV);
                var allowed = Enumerable.Range(0, t + 1).Where(j => j > t - 3).ToArray();
                var scores = tensor(allowed.Select(j => q[t, head].dot(k[j, kvHead]).item<float>() / MathF.Sqrt(D)).ToArray());
                var weights = scores.softmax(0);
                for (int n = 0; n < allowed.Length; n++) attended[t, head] += weights[n] * v[allowed[n], kvHead];
            }
        }
        var afterAttention = x.add(attended.view(T, H * D).matmul(state["model.layers.0.self_attn.o_proj.weight"].t()));
        var m = Rms(afterAttention, "model.layers.0.post_attention_layernorm.weight");
        var gate = m.matmul(state["model.layers.0.mlp.gate_proj.weight"].t());
        var up = m.matmul(state["model.layers.0.mlp.up_proj.weight"].t());
        var output = afterAttention.add(gate.mul(gate.sigmoid()).mul(up).matmul(state["model.layers.0.mlp.down_proj.weight"].t()));
        var logits = Rms(output, "model.norm.weight").matmul(state["model.embed_tokens.weight"].t());   // (T, V)

        Assert.True(model.forward(ids)[0].allclose(logits, rtol: 1e-4, atol: 1e-5), "model differs from the hand-written reference");
    }

    [Fact]
    public void Gpt2_block_output_equals_a_hand_written_forward_pass()
    {
        // One block: learned positions, LayerNorm, fused c_attn in Conv1D layout, causal softmax attention,
        // GELU with the tanh approximation (gelu_new), tied output head.
        using var scope = NewDisposeScope();
        var config = new ModelConfig
        {
            ModelType = "gpt2", VocabSize = 13, HiddenSize = 8, IntermediateSize = 32, NumLayers = 1, NumHeads = 2,
            NumKeyValueHeads = 2, MaxPositions = 16, TieWordEmbeddings = true,
        };
        manual_seed(4);
        var model = CausalLanguageModel.Create(config);
        model.eval();
        var s = model.state_dict();
        using (no_grad())
        {
            foreach (var (name, value) in s.Where(kv => kv.Key.Contains("ln_")))
            {
                value.copy_(randn(value.shape).mul(0.5).add(name.EndsWith("weight") ? 1 : 0));  // non-trivial LayerNorm affine
            }
        }
        var ids = tensor(new long[] { 2, 7, 1, 8, 2 }).unsqueeze(0);
        const int T = 5, H = 2, D = 4, C = 8;

        Tensor Ln(Tensor v, string p)
        {
            var centred = v.sub(v.mean([-1L], keepdim: true));
            var variance = centred.pow(2).mean([-1L], keepdim: true);
            return centred.div(variance.add(config.NormEpsilon).sqrt()).mul(s[p + ".weight"]).add(s[p + ".bias"]);
        }
        Tensor GeluNew(Tensor v) => v.mul(0.5).mul(v.add(v.pow(3).mul(0.044715)).mul(Math.Sqrt(2 / Math.PI)).tanh().add(1));

        var x = s["transformer.wte.weight"].index_select(0, ids[0]).add(s["transformer.wpe.weight"][..T]);   // (T, C)
        var qkv = Ln(x, "transformer.h.0.ln_1").matmul(s["transformer.h.0.attn.c_attn.weight"]).add(s["transformer.h.0.attn.c_attn.bias"]);
        var attended = zeros(T, C);
        for (int head = 0; head < H; head++)
        {
            var q = qkv[.., (head * D)..(head * D + D)];                                     // (T, D)
            var k = qkv[.., (C + head * D)..(C + head * D + D)];
            var v = qkv[.., (2 * C + head * D)..(2 * C + head * D + D)];
            var scores = q.matmul(k.t()).div(Math.Sqrt(D));                                   // (T, T)
            scores = scores.masked_fill(ones(T, T).triu(1).to_type(ScalarType.Bool), double.NegativeInfinity);
            attended[.., (head * D)..(head * D + D)] = scores.softmax(1).matmul(v);
        }
        x = x.add(attended.matmul(s["transformer.h.0.attn.c_proj.weight"]).add(s["transformer.h.0.attn.c_proj.bias"]));
        var hidden = GeluNew(Ln(x, "transformer.h.0.ln_2").matmul(s["transformer.h.0.mlp.c_fc.weight"]).add(s["transformer.h.0.mlp.c_fc.bias"]));
        x = x.add(hidden.matmul(s["transformer.h.0.mlp.c_proj.weight"]).add(s["transformer.h.0.mlp.c_proj.bias"]));
        var logits = Ln(x, "transformer.ln_f").matmul(s["transformer.wte.weight"].t());       // (T, V)

        Assert.True(model.forward(ids)[0].allclose(logits, rtol: 1e-4, atol: 1e-5), "GPT-2 differs from the hand-written reference");
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
