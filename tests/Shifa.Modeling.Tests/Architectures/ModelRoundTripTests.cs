using Shifa.Modeling.Architectures;
using Shifa.Modeling.Checkpoints;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Architectures;

public sealed class ModelRoundTripTests
{
    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Saved_folder_loads_strictly_and_gives_identical_logits(string name)
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        var ids = TinyModels.RandomIds(model.Config, 2, 9);
        var expected = model.forward(ids);

        model.Save(temp.Path);
        Assert.True(File.Exists(temp.Sub("config.json")));
        Assert.True(File.Exists(temp.Sub("model.safetensors")));
        var loaded = CausalLanguageModel.Load(temp.Path);
        loaded.eval();

        Assert.Equal(model.Config, loaded.Config);
        TensorAssert.Identical(expected, loaded.forward(ids), "logits differ after save/load");
    }

    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Sharded_save_writes_an_index_and_loads_to_identical_logits(string name)
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        var ids = TinyModels.RandomIds(model.Config, 1, 7);
        var expected = model.forward(ids);

        model.Save(temp.Path, maxShardBytes: 16_000);
        var shards = Directory.GetFiles(temp.Path, "model-*-of-*.safetensors");
        Assert.True(shards.Length >= 3, $"expected several shards, got {shards.Length}");
        Assert.True(File.Exists(temp.Sub(CheckpointFolder.IndexFileName)));
        Assert.False(File.Exists(temp.Sub(CheckpointFolder.SingleFileName)));

        var loaded = CausalLanguageModel.Load(temp.Path);
        loaded.eval();
        TensorAssert.Identical(expected, loaded.forward(ids), "logits differ after sharded save/load");
    }

    [Fact]
    public void Parameter_names_and_shapes_are_the_hugging_face_ones()
    {
        using var scope = NewDisposeScope();
        var gpt2 = TinyModels.Create("gpt2").state_dict();
        Assert.Equal([32L, 96L], gpt2["transformer.h.0.attn.c_attn.weight"].shape);   // Conv1D: [in, out]
        Assert.Equal([128L, 32L], gpt2["transformer.h.1.mlp.c_proj.weight"].shape);
        Assert.Equal([64L, 32L], gpt2["transformer.wpe.weight"].shape);
        Assert.Contains("transformer.ln_f.bias", gpt2.Keys);
        Assert.DoesNotContain("lm_head.weight", gpt2.Keys);

        var mistral = TinyModels.Create("mistral").state_dict();
        Assert.Equal([16L, 32L], mistral["model.layers.0.self_attn.k_proj.weight"].shape); // 2 KV heads × 8
        Assert.Equal([32L, 32L], mistral["model.layers.0.self_attn.q_proj.weight"].shape);
        Assert.Equal([64L, 32L], mistral["model.layers.1.mlp.gate_proj.weight"].shape);
        Assert.Equal([89L, 32L], mistral["lm_head.weight"].shape);
        Assert.Contains("model.layers.1.post_attention_layernorm.weight", mistral.Keys);
        Assert.Contains("model.norm.weight", mistral.Keys);
        Assert.Equal(2 + 2 * 9 + 1, mistral.Count);

        Assert.DoesNotContain("lm_head.weight", TinyModels.Create("llama").state_dict().Keys);
    }

    [Fact]
    public void Config_round_trips_through_hugging_face_json()
    {
        using var temp = new TempFolder();
        foreach (var config in new[] { TinyModels.Gpt2, TinyModels.Llama, TinyModels.Mistral })
        {
            config.Save(temp.Path);
            Assert.Equal(config, ModelConfig.Load(temp.Path));
        }
    }

    [Fact]
    public void Gpt2_checkpoint_in_gpt2model_spelling_with_stored_masks_loads()
    {
        // openai-community/gpt2 stores "h.0..." without "transformer." and each block's causal mask "attn.bias".
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var model = TinyModels.Create("gpt2");
        var tensors = model.state_dict()
            .Select(kv => KeyValuePair.Create(kv.Key["transformer.".Length..], kv.Value))
            .Append(KeyValuePair.Create("h.0.attn.bias", ones(1, 1, 64, 64).tril()))
            .Append(KeyValuePair.Create("lm_head.weight", model.state_dict()["transformer.wte.weight"]))
            .ToList();
        SafetensorsWriter.Write(temp.Sub("model.safetensors"), tensors);
        model.Config.Save(temp.Path);

        var loaded = CausalLanguageModel.Load(temp.Path);
        loaded.eval();
        var ids = TinyModels.RandomIds(model.Config, 1, 5);
        TensorAssert.Identical(model.forward(ids), loaded.forward(ids), "logits");
    }

    [Fact]
    public void Half_precision_checkpoints_load_into_float32_models()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var model = TinyModels.Create("llama");
        model.Save(temp.Path, dtype: ScalarType.BFloat16);
        using (var file = SafetensorsFile.Open(temp.Sub("model.safetensors")))
        {
            Assert.All(file.Entries.Values, e => Assert.Equal("BF16", e.DType));
        }
        var loaded = CausalLanguageModel.Load(temp.Path);
        var original = model.state_dict()["model.layers.0.mlp.up_proj.weight"];
        var restored = loaded.state_dict()["model.layers.0.mlp.up_proj.weight"];
        Assert.Equal(ScalarType.Float32, restored.dtype);
        // bf16 keeps 8 significant bits: relative error below 2^-8.
        Assert.True(restored.sub(original).abs().le(original.abs().mul(1.0 / 256).add(1e-12)).all().item<bool>());
    }
}
