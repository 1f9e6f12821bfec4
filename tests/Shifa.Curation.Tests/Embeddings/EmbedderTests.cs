// The three embedders behind IEmbeddingGenerator: built-in hashed n-grams, a local ONNX folder, and an OpenAI-compatible API with a workspace cache.
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Shifa.Curation.Embeddings;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Curation.Tests.Embeddings;

public sealed class EmbedderTests
{
    private static float Cos(Embedding<float> a, Embedding<float> b) =>
        TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span);

    [Fact]
    public async Task Hashed_embedder_is_spelling_insensitive_deterministic_and_separates_topics()
    {
        var corpus = ArabicQa.Pairs.Select(p => p.Question + "\n" + p.Answer).ToList();
        using var e = HashedNgramEmbedder.Fit(corpus);
        var p0 = ArabicQa.Pairs[0];
        var v = await e.GenerateAsync([
            p0.Answer,
            Variants.Orthographic(p0.Answer, 5),
            ArabicQa.Pairs[12].Answer,
            p0.Answer,
        ]);
        Assert.Equal(256, v[0].Vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(v[0].Vector.Span), 4);
        Assert.True(Cos(v[0], v[1]) > 0.99f, $"variant cosine {Cos(v[0], v[1])}");
        Assert.True(Cos(v[0], v[2]) < 0.5f, $"different topic cosine {Cos(v[0], v[2])}");
        Assert.Equal(v[0].Vector.ToArray(), v[3].Vector.ToArray());
        Assert.Equal(e.Fingerprint, HashedNgramEmbedder.Fit(corpus).Fingerprint);
        Assert.NotEqual(e.Fingerprint, HashedNgramEmbedder.Fit(corpus.Skip(1).ToList()).Fingerprint);
    }

    [Fact]
    public async Task Onnx_folder_loads_tokenizes_and_mean_pools_over_the_attention_mask()
    {
        var dir = Directory.CreateTempSubdirectory("shifa-onnx-").FullName;
        try
        {
            const int Dims = 4;
            string[] vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "صداع", "شديد", "غثيان", "حرارة"];
            File.WriteAllLines(Path.Combine(dir, "vocab.txt"), vocab);
            TinyOnnx.Write(Path.Combine(dir, "model.onnx"), vocab.Length, Dims);
            using var e = OnnxEmbedder.Load(dir, maxTokens: 16);
            Assert.Equal(Dims, e.Dimensions);

            // A short and a long text in one batch: the short one is padded, and padding must not count.
            var result = await e.GenerateAsync(["صداع شديد", "صداع شديد غثيان حرارة"]);
            float[] Mean(int[] ids) => [.. Enumerable.Range(0, Dims).Select(d => (float)ids.Average(t => TinyOnnx.Value(t, d)))];
            Assert.Equal(Mean([2, 5, 6, 3]), result[0].Vector.ToArray());
            Assert.Equal(Mean([2, 5, 6, 7, 8, 3]), result[1].Vector.ToArray());

            // An unknown word maps to [UNK], and a model without attention_mask is refused with a message.
            var unk = await e.GenerateAsync(["زكام"]);
            Assert.Equal(Mean([2, 1, 3]), unk[0].Vector.ToArray());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Onnx_folder_without_a_model_says_what_is_missing()
    {
        var dir = Directory.CreateTempSubdirectory("shifa-onnx-").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => OnnxEmbedder.Load(dir));
            Assert.Contains("model.onnx", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
