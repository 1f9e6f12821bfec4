using System.Text.Json.Nodes;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Export.Peft;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Tests.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Lora;

public sealed class LoraTests
{
    private static readonly LoraConfig AllAttention = new()
    {
        Rank = 4, Alpha = 8, TargetModules = ["q_proj", "k_proj", "v_proj", "o_proj", "c_attn", "c_proj"],
    };

    /// <summary>Trains only the adapters for a few steps on a fixed batch; returns the last loss.</summary>
    private static float TrainAdapters(CausalLanguageModel model, int steps)
    {
        model.train();
        var ids = TinyModels.RandomIds(model.Config, 2, 12, seed: 11);
        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        var optimizer = optim.AdamW(trainable, lr: 1e-2);
        float loss = 0;
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.forward(ids[.., ..^1]);                                        // (B, T, V)
            var l = nn.functional.cross_entropy(logits.reshape(-1, model.Config.VocabSize), ids[.., 1..].reshape(-1));
            l.backward();
            optimizer.step();
            loss = l.item<float>();
        }
        model.eval();
        return loss;
    }

    private static Dictionary<string, Tensor> BaseSnapshot(CausalLanguageModel model) =>
        model.state_dict().Where(kv => !CausalLanguageModel.IsAdapterName(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Only_adapters_train_base_weights_stay_bit_identical_and_merge_keeps_logits(string name)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        var ids = TinyModels.RandomIds(model.Config, 1, 8);
        var baseLogits = model.forward(ids);
        var before = BaseSnapshot(model);

        var adapted = LoraAdapter.Attach(model, AllAttention);
        Assert.Equal(model.Config.IsGpt2 ? 6 : 8, adapted.Count);  // GPT-2: c_attn, attn.c_proj, mlp.c_proj per block
        Assert.All(model.named_parameters(), p => Assert.Equal(CausalLanguageModel.IsAdapterName(p.name), p.parameter.requires_grad));
        TensorAssert.Identical(baseLogits, model.forward(ids), "a fresh adapter (B = 0) must not change the output");

        float firstLoss = TrainAdapters(model, 1);
        float lastLoss = TrainAdapters(model, 25);
        Assert.True(lastLoss < firstLoss, $"adapter training did not lower the loss ({firstLoss} → {lastLoss})");
        foreach (var (key, value) in before) TensorAssert.Identical(value, model.state_dict()[key], key);

        var adaptedLogits = model.forward(ids);
        Assert.False(adaptedLogits.allclose(baseLogits, rtol: 0, atol: 1e-4), "training the adapter changed nothing");
        LoraAdapter.Merge(model);
        Assert.True(model.forward(ids).allclose(adaptedLogits, rtol: 1e-4, atol: 1e-5), "merged logits differ from adapter logits");

        // The merged export is a plain checkpoint in the base layout.
        using var temp = new TempFolder();
        model.Save(temp.Path);
        var exported = CausalLanguageModel.Load(temp.Path);
        exported.eval();
        Assert.True(exported.forward(ids).allclose(adaptedLogits, rtol: 1e-4, atol: 1e-5), "exported merged model differs");
    }

    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Peft_adapter_save_then_load_is_lossless(string name)
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        model.Save(temp.Sub("base"));
        var config = new LoraConfig { Rank = 2, Alpha = 4, Dropout = 0.1 };
        LoraAdapter.Attach(model, config);
        TrainAdapters(model, 5);
        var ids = TinyModels.RandomIds(model.Config, 1, 8);
        var expected = model.forward(ids);

        PeftAdapterFormat.Save(model, config, temp.Sub("adapter"), baseModel: temp.Sub("base"));

        var restored = CausalLanguageModel.Load(temp.Sub("base"));
        var loadedConfig = PeftAdapterFormat.Load(restored, temp.Sub("adapter"));
        restored.eval();
        Assert.Equal(config.Rank, loadedConfig.Rank);
        Assert.Equal(config.Alpha, loadedConfig.Alpha);
        Assert.Equal(config.Dropout, loadedConfig.Dropout);
        TensorAssert.Identical(expected, restored.forward(ids), "logits after PEFT round trip");
    }

    [Fact]
    public void Peft_files_use_pefts_key_names_and_config_fields()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var llama = TinyModels.Create("mistral");
        LoraAdapter.Attach(llama, new LoraConfig { Rank = 2, Alpha = 4 });
        PeftAdapterFormat.Save(llama, new LoraConfig { Rank = 2, Alpha = 4 }, temp.Path, "mistralai/Mistral-7B-v0.1");

        using (var file = SafetensorsFile.Open(temp.Sub(PeftAdapterFormat.WeightsFileName)))
        {
            Assert.Equal([2L, 32L], file.Entries["base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"].Shape);
            Assert.Equal([16L, 2L], file.Entries["base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight"].Shape);
            Assert.Equal(2 * 2 * 2, file.Entries.Count);  // 2 layers × (q, v) × (A, B)
        }
        var json = JsonNode.Parse(File.ReadAllText(temp.Sub(PeftAdapterFormat.ConfigFileName)))!;
        Assert.Equal("LORA", (string?)json["peft_type"]);
        Assert.Equal("CAUSAL_LM", (string?)json["task_type"]);
        Assert.Equal(2, (int?)json["r"]);
        Assert.Equal(4.0, (double?)json["lora_alpha"]);
        Assert.Equal(["q_proj", "v_proj"], json["target_modules"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool?)json["fan_in_fan_out"]);
    }

    [Fact]
    public void Adapter_file_with_a_tensor_for_a_missing_module_is_rejected_by_name()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var model = TinyModels.Create("llama");
        var config = new LoraConfig { Rank = 2, Alpha = 4 };
        LoraAdapter.Attach(model, config);
        PeftAdapterFormat.Save(model, config, temp.Path, "base");
        // Narrow the config so the file holds v_proj tensors no attached adapter takes.
        var json = JsonNode.Parse(File.ReadAllText(temp.Sub(PeftAdapterFormat.ConfigFileName)))!;
        json["target_modules"] = new JsonArray("q_proj");
        File.WriteAllText(temp.Sub(PeftAdapterFormat.ConfigFileName), json.ToJsonString());

        var fresh = TinyModels.Create("llama");
        var ex = Assert.Throws<CheckpointMismatchException>(() => PeftAdapterFormat.Load(fresh, temp.Path));
        Assert.Contains("base_model.model.model.layers.0.self_attn.v_proj.lora_A.weight", ex.Unexpected);
    }

    [Theory]
    [InlineData("use_dora", "true", "DoRA")]
    [InlineData("rank_pattern", "{\"q_proj\": 4}", "rank_pattern")]
    [InlineData("modules_to_save", "[\"lm_head\"]", "modules_to_save")]
    [InlineData("peft_type", "\"IA3\"", "IA3")]
    public void Adapter_features_shifa_cannot_apply_are_refused_by_name(string key, string json, string named)
    {
        using var temp = new TempFolder();
        var config = JsonNode.Parse("""{"peft_type": "LORA", "r": 4, "lora_alpha": 8, "target_modules": ["q_proj"]}""")!;
        config[key] = JsonNode.Parse(json);
        File.WriteAllText(temp.Sub(PeftAdapterFormat.ConfigFileName), config.ToJsonString());
        var ex = Assert.Throws<InvalidDataException>(() => PeftAdapterFormat.ReadConfig(temp.Path));
        Assert.Contains(named, ex.Message);
        Assert.Contains(PeftAdapterFormat.ConfigFileName, ex.Message);
    }

    [Fact]
    public void Config_spec_parses_and_bad_targets_list_what_exists()
    {
        var parsed = LoraConfig.Parse("r=16, alpha=32, dropout=0.05, targets=q_proj+o_proj");
        Assert.Equal(16, parsed.Rank);
        Assert.Equal(32, parsed.Alpha);
        Assert.Equal(0.05, parsed.Dropout);
        Assert.Equal(["q_proj", "o_proj"], parsed.TargetModules);
        Assert.Contains("'beta'", Assert.Throws<FormatException>(() => LoraConfig.Parse("r=4,beta=2")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LoraConfig.Parse("r=0"));

        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => LoraAdapter.Attach(TinyModels.Create("gpt2"), new LoraConfig { TargetModules = ["q_proj"] }));
        Assert.Contains("c_attn", ex.Message);
    }
}
