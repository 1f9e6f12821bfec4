using Shifa.Modeling.Architectures;
using Shifa.Modeling.Checkpoints;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Checkpoints;

public sealed class StrictLoadTests
{
    private static string WriteWithout(TempFolder temp, string name, Func<string, Tensor, IEnumerable<KeyValuePair<string, Tensor>>> edit)
    {
        var model = Architectures.TinyModels.Create(name);
        var tensors = model.state_dict().SelectMany(kv => edit(kv.Key, kv.Value)).ToList();
        SafetensorsWriter.Write(temp.Sub("model.safetensors"), tensors);
        model.Config.Save(temp.Path);
        return temp.Path;
    }

    [Fact]
    public void Missing_tensor_is_named()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        string folder = WriteWithout(temp, "llama", (k, v) => k == "model.layers.1.self_attn.v_proj.weight" ? [] : [KeyValuePair.Create(k, v)]);
        var ex = Assert.Throws<CheckpointMismatchException>(() => CausalLanguageModel.Load(folder));
        Assert.Equal(["model.layers.1.self_attn.v_proj.weight"], ex.Missing);
        Assert.Contains("model.layers.1.self_attn.v_proj.weight", ex.Message);
        Assert.Contains(folder, ex.Message);
    }

    [Fact]
    public void Unexpected_tensor_is_named()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        string folder = WriteWithout(temp, "mistral", (k, v) => k == "model.norm.weight"
            ? [KeyValuePair.Create(k, v), KeyValuePair.Create("model.layers.2.mlp.up_proj.weight", v)]
            : [KeyValuePair.Create(k, v)]);
        var ex = Assert.Throws<CheckpointMismatchException>(() => CausalLanguageModel.Load(folder));
        Assert.Equal(["model.layers.2.mlp.up_proj.weight"], ex.Unexpected);
        Assert.Empty(ex.Missing);
        Assert.Contains("model.layers.2.mlp.up_proj.weight", ex.Message);
    }

    [Fact]
    public void Shape_mismatch_is_named_with_both_shapes_and_nothing_is_copied()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        string folder = WriteWithout(temp, "gpt2", (k, v) => k == "transformer.h.0.attn.c_attn.weight"
            ? [KeyValuePair.Create(k, v.t().contiguous())]
            : [KeyValuePair.Create(k, v.add(1))]);
        var target = Architectures.TinyModels.Create("gpt2", seed: 99);
        var before = target.state_dict()["transformer.ln_f.weight"].clone();

        var ex = Assert.Throws<CheckpointMismatchException>(() => CheckpointLoader.LoadStrict(target, folder, target.ModelNameOf));
        Assert.Single(ex.ShapeMismatches);
        Assert.Contains("transformer.h.0.attn.c_attn.weight: checkpoint [96, 32] vs model [32, 96]", ex.Message);
        TensorAssert.Identical(before, target.state_dict()["transformer.ln_f.weight"], "a failed load changed the model");
    }

    [Fact]
    public void Index_pointing_at_a_missing_shard_is_reported()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        var model = Architectures.TinyModels.Create("llama");
        model.Save(temp.Path, maxShardBytes: 16_000);
        var shard = Directory.GetFiles(temp.Path, "model-*-of-*.safetensors").Order().Last();
        File.Delete(shard);
        var ex = Assert.Throws<FileNotFoundException>(() => CausalLanguageModel.Load(temp.Path));
        Assert.Contains(Path.GetFileName(shard), ex.Message);
    }
}
