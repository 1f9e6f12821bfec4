using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Bert;

public class BertModelTests
{
    [Fact]
    public void Parameter_names_are_the_hugging_face_names()
    {
        using var folder = new TinyBertFolder(1);
        var names = folder.Model.state_dict().Keys.ToHashSet();
        foreach (var expected in new[]
        {
            "embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight", "embeddings.token_type_embeddings.weight",
            "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias",
            "encoder.layer.0.attention.self.query.weight", "encoder.layer.0.attention.self.key.bias", "encoder.layer.2.attention.self.value.weight",
            "encoder.layer.0.attention.output.dense.weight", "encoder.layer.0.attention.output.LayerNorm.weight",
            "encoder.layer.1.intermediate.dense.weight", "encoder.layer.1.output.dense.bias", "encoder.layer.1.output.LayerNorm.bias",
            "pooler.dense.weight",
        })
        {
            Assert.Contains(expected, names);
        }

        Assert.Equal(3 + 2 + (3 * 16) + 2, names.Count);
    }

    [Fact]
    public void Saved_folder_loads_strictly_with_identical_hidden_states_at_every_layer()
    {
        using var folder = new TinyBertFolder(2);
        using var loaded = BertModel.Load(folder.Path);
        var ids = tensor(new long[] { 2, 11, 12, 13, 3, 0, 2, 17, 18, 7, 3, 0 }, [2, 6]);
        var mask = tensor(new long[] { 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0 }, [2, 6]);
        folder.Model.eval();
        using var noGrad = no_grad();
        for (var layer = 0; layer <= 3; layer++)
        {
            var a = folder.Model.HiddenState(ids, mask, layer);
            var b = loaded.HiddenState(ids, mask, layer);
            Assert.Equal(0.0, (a - b).abs().max().item<float>(), 6);
        }
    }

    [Fact]
    public void Truncated_load_builds_only_the_requested_layers_and_matches_the_full_model()
    {
        using var folder = new TinyBertFolder(3);
        using var full = BertModel.Load(folder.Path);
        using var cut = BertModel.Load(folder.Path, layers: 2);
        Assert.Equal(2, cut.Layers);
        Assert.DoesNotContain(cut.state_dict().Keys, k => k.StartsWith("encoder.layer.2.", StringComparison.Ordinal) || k.StartsWith("pooler.", StringComparison.Ordinal));
        var ids = tensor(new long[] { 2, 11, 12, 3 }, [1, 4]);
        var mask = ones_like(ids);
        using var noGrad = no_grad();
        Assert.Equal(0.0, (full.HiddenState(ids, mask, 2) - cut.forward(ids, mask)).abs().max().item<float>(), 6);
    }

    [Fact]
    public void Padding_does_not_change_real_token_states()
    {
        using var folder = new TinyBertFolder(4);
        var model = folder.Model;
        model.eval();
        using var noGrad = no_grad();
        var alone = model.forward(tensor(new long[] { 2, 11, 12, 3 }, [1, 4]), ones(1, 4, dtype: ScalarType.Int64));
        var padded = model.forward(tensor(new long[] { 2, 11, 12, 3, 0, 0 }, [1, 6]), tensor(new long[] { 1, 1, 1, 1, 0, 0 }, [1, 6]));
        Assert.Equal(0.0, (alone - padded.narrow(1, 0, 4)).abs().max().item<float>(), 5);
    }

    [Fact]
    public void Unexpected_or_missing_tensors_fail_the_load_with_their_names()
    {
        using var folder = new TinyBertFolder(5);
        var smaller = TinyBertFolder.Config with { NumHiddenLayers = 2 };
        smaller.Save(folder.Path);
        var ex = Assert.Throws<CheckpointMismatchException>(() => BertModel.Load(folder.Path));
        Assert.Contains("encoder.layer.2.", ex.Message, StringComparison.Ordinal);

        var wider = TinyBertFolder.Config with { IntermediateSize = 32 };
        wider.Save(folder.Path);
        var shape = Assert.Throws<CheckpointMismatchException>(() => BertModel.Load(folder.Path));
        Assert.Contains("intermediate.dense.weight", shape.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_state_matches_a_plain_loop_bert_forward()
    {
        using var folder = new TinyBertFolder(6);
        var model = folder.Model;
        model.eval();
        long[] ids = [2, 11, 12, 7, 3];
        using var noGrad = no_grad();
        var actual = model.HiddenState(tensor(ids, [1, 5]), ones(1, 5, dtype: ScalarType.Int64), 2).squeeze(0);
        var expected = PlainBert.Forward(model.state_dict(), TinyBertFolder.Config, ids, layers: 2);
        for (var t = 0; t < ids.Length; t++)
        {
            for (var c = 0; c < TinyBertFolder.Config.HiddenSize; c++)
            {
                Assert.Equal(expected[t, c], actual[t, c].item<float>(), 4);
            }
        }
    }
}
