// llama.cpp's bert graph numbers positions from 0 and reads WordPiece: RoBERTa-family encoders must not pass as BERT.
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Export.Gguf;

namespace Shifa.Interop.Tests.Gguf;

public sealed class BertExportScopeTests
{
    [Theory]
    [InlineData("xlm-roberta")]
    [InlineData("roberta")]
    public void Roberta_family_encoders_are_refused_with_their_model_type(string modelType)
    {
        var config = new BertConfig
        {
            ModelType = modelType, VocabSize = 16, HiddenSize = 8, NumHiddenLayers = 1, NumAttentionHeads = 2,
            IntermediateSize = 16, MaxPositionEmbeddings = 20, TypeVocabSize = 1, PadTokenId = 1,
        };
        using var model = new BertModel(config);
        var vocabulary = Enumerable.Range(0, 16).Select(i => $"t{i}").ToArray();
        var output = Path.Combine(Path.GetTempPath(), $"shifa-bert-scope-{Guid.NewGuid():N}.gguf");

        var e = Assert.Throws<NotSupportedException>(() => GgufBertExporter.Export(model, vocabulary, output, 0, 2, 3, 1, 4));

        Assert.Contains(modelType, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
