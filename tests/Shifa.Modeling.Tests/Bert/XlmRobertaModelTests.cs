using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Bert;

public sealed class XlmRobertaModelTests
{
    [Fact]
    public void Masked_lm_checkpoint_loads_strictly_and_matches_a_plain_roberta_with_padding_in_the_batch()
    {
        using var folder = new TinyXlmRobertaFolder(11);
        using var model = BertModel.Load(folder.Path);
        long[] first = [0, 5, 6, 11, 12, 4, 13, 2];
        long[] second = [0, 7, 9, 2];

        // Row 2 is padded with <pad> = 1; RoBERTa must give it positions 2..5 and ignore the padding.
        var ids = tensor(first.Concat(second).Concat(Enumerable.Repeat(1L, 4)).ToArray(), [2, 8]);
        var mask = tensor(Enumerable.Repeat(1L, 12).Concat(Enumerable.Repeat(0L, 4)).ToArray(), [2, 8]);
        using var noGrad = no_grad();
        for (var layer = 0; layer <= 2; layer++)
        {
            var hidden = model.HiddenState(ids, mask, layer).to_type(ScalarType.Float64);
            var a = PlainRoberta.Forward(folder.Weights, TinyXlmRobertaFolder.Config, first, layer);
            var b = PlainRoberta.Forward(folder.Weights, TinyXlmRobertaFolder.Config, second, layer);
            Assert.True((hidden[0] - a).abs().max().item<double>() < 1e-5, $"layer {layer}, row 0");
            Assert.True((hidden[1, ..4] - b).abs().max().item<double>() < 1e-5, $"layer {layer}, padded row");
        }
    }

    [Fact]
    public void Positions_start_after_the_padding_index()
    {
        using var folder = new TinyXlmRobertaFolder(12);
        using var model = BertModel.Load(folder.Path);
        long[] ids = [0, 5, 6, 2];
        using var noGrad = no_grad();
        var actual = model.HiddenState(tensor(ids, [1, 4]), ones(1, 4, dtype: ScalarType.Int64), 0)[0].to_type(ScalarType.Float64);

        // BERT-style positions 0..3 would give a different embedding output.
        var wrong = folder.Weights.ToDictionary(kv => kv.Key, kv => kv.Value);
        wrong["roberta.embeddings.position_embeddings.weight"] = folder.Weights["roberta.embeddings.position_embeddings.weight"].roll(2, 0);
        Assert.True((actual - PlainRoberta.Forward(folder.Weights, TinyXlmRobertaFolder.Config, ids, 0)).abs().max().item<double>() < 1e-5);
        Assert.True((actual - PlainRoberta.Forward(wrong, TinyXlmRobertaFolder.Config, ids, 0)).abs().max().item<double>() > 1e-2);
    }

    [Fact]
    public void Unprefixed_model_checkpoint_with_a_pooler_loads_and_truncation_keeps_the_lower_layers()
    {
        using var folder = new TinyXlmRobertaFolder(13, state => state
            .Where(kv => !kv.Key.StartsWith("lm_head.", StringComparison.Ordinal))
            .Select(kv => KeyValuePair.Create(kv.Key["roberta.".Length..], kv.Value))
            .Append(KeyValuePair.Create("pooler.dense.weight", randn(16, 16)))
            .Append(KeyValuePair.Create("pooler.dense.bias", randn(16))));
        using var full = BertModel.Load(folder.Path);
        using var cut = BertModel.Load(folder.Path, layers: 1);
        var ids = tensor(new long[] { 0, 5, 6, 2 }, [1, 4]);
        using var noGrad = no_grad();
        Assert.Equal(0.0, (full.HiddenState(ids, ones_like(ids), 1) - cut.forward(ids, ones_like(ids))).abs().max().item<float>(), 6);
        Assert.Contains("pooler.dense.weight", full.state_dict().Keys);
    }

    [Fact]
    public void Strict_load_names_an_unknown_head_tensor()
    {
        using var folder = new TinyXlmRobertaFolder(14, state => state.Append(KeyValuePair.Create("classifier.dense.weight", randn(16, 16))));
        var error = Assert.Throws<CheckpointMismatchException>(() => BertModel.Load(folder.Path));
        Assert.Equal(["classifier.dense.weight"], error.Unexpected);
        Assert.Empty(error.Missing);
    }

    [Fact]
    public void Strict_load_names_a_missing_tensor()
    {
        using var folder = new TinyXlmRobertaFolder(15, state => state.Where(kv => kv.Key != "roberta.encoder.layer.1.output.dense.bias"));
        var error = Assert.Throws<CheckpointMismatchException>(() => BertModel.Load(folder.Path));
        Assert.Equal(["encoder.layer.1.output.dense.bias"], error.Missing);
        Assert.Contains("encoder.layer.1.output.dense.bias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bert_prefixed_names_are_not_accepted_for_an_xlm_roberta_config()
    {
        using var folder = new TinyXlmRobertaFolder(16, state => state.Select(kv => KeyValuePair.Create(
            kv.Key.StartsWith("roberta.", StringComparison.Ordinal) ? "bert." + kv.Key["roberta.".Length..] : kv.Key, kv.Value)));
        var error = Assert.Throws<CheckpointMismatchException>(() => BertModel.Load(folder.Path));
        Assert.Contains("bert.embeddings.word_embeddings.weight", error.Unexpected);
    }

    [Fact]
    public void Xlm_roberta_base_config_takes_512_tokens_from_514_position_rows()
    {
        Assert.Equal(512, BertConfig.XlmRobertaBase.MaxInputLength);
        Assert.Equal(512, BertConfig.BaseMultilingualCased.MaxInputLength);
        var badType = Assert.Throws<InvalidDataException>(() => (BertConfig.XlmRobertaBase with { ModelType = "deberta-v2" }).Validate("cfg"));
        Assert.Contains("deberta-v2", badType.Message, StringComparison.Ordinal);
        var relative = Assert.Throws<InvalidDataException>(() => (BertConfig.XlmRobertaBase with { PositionEmbeddingType = "relative_key" }).Validate("cfg"));
        Assert.Contains("relative_key", relative.Message, StringComparison.Ordinal);
    }
}
