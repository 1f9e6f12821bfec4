using Shifa.Evaluation.Metrics.BertScore;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

public sealed class BertScoreSupportTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "shifa-baseline-" + Guid.NewGuid().ToString("N") + ".tsv");

    public void Dispose() => File.Delete(_file);

    [Theory]
    [InlineData("bert-base-multilingual-cased", 9)]
    [InlineData("xlm-roberta-base", 9)]
    [InlineData("xlm-roberta-large", 17)]
    [InlineData("/models/bert-base-multilingual-cased/", 9)]
    public void Default_layers_follow_bert_score(string model, int layer) =>
        Assert.Equal(layer, BertScoreModels.ResolveLayer(model, null));

    [Fact]
    public void Other_models_must_name_a_layer()
    {
        var ex = Assert.Throws<ArgumentException>(() => BertScoreModels.ResolveLayer("aubmindlab/bert-base-arabertv2", null));
        Assert.Contains("pass the layer explicitly", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, BertScoreModels.ResolveLayer("aubmindlab/bert-base-arabertv2", 4));
    }

    [Fact]
    public void Baseline_file_round_trips_and_selects_the_layer()
    {
        BertScoreBaseline.Save(_file, [(0, 0.1, 0.2, 0.3), (1, 0.71, 0.72, 0.715)]);
        var b = BertScoreBaseline.Load(_file, 1);
        Assert.Equal((0.71, 0.72, 0.715), (b.P, b.R, b.F));
        var missing = Assert.Throws<InvalidDataException>(() => BertScoreBaseline.Load(_file, 9));
        Assert.Contains("no row for layer 9", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_baseline_lines_are_reported_with_line_and_field()
    {
        File.WriteAllLines(_file, ["LAYER,P,R,F", "0,0.1,0.2,0.3", "1,0.5,abc,0.4"]);
        var ex = Assert.Throws<InvalidDataException>(() => BertScoreBaseline.Load(_file, 1));
        Assert.Contains(":3: field R 'abc'", ex.Message, StringComparison.Ordinal);
        File.WriteAllLines(_file, ["layer;p;r;f"]);
        Assert.Contains(":1:", Assert.Throws<InvalidDataException>(() => BertScoreBaseline.Load(_file, 0)).Message, StringComparison.Ordinal);
    }
}
