using System.Text.Json;
using System.Text.Json.Nodes;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class XlmRobertaTokenizerJsonTests
{
    private static readonly (string, float)[] Pieces =
    [
        ("▁", -3f), ("▁ال", -2f), ("مريض", -3f), ("▁المريض", -6f), ("م", -4f), ("ريض", -3.5f), ("ال", -2.5f),
        ("▁يشكو", -4f), ("▁من", -2f), ("ألم", -3f), ("؟", -2f), ("،", -2f), ("▁ألم", -7f),
    ];

    private static string Resource(string name) => Path.Combine(AppContext.BaseDirectory, "Tokenization", "Resources", name);

    // transformers' XLMRobertaConverter layout: fairseq-ordered Unigram vocabulary, Precompiled
    // normalizer followed by the " {2,}" Replace, Metaspace pre-tokenizer.
    private static JsonObject TokenizerJson(IEnumerable<(string Piece, float Score)> spmPieces, byte[]? charsmap)
    {
        var vocab = new JsonArray();
        foreach (var (p, s) in new[] { ("<s>", 0f), ("<pad>", 0f), ("</s>", 0f), ("<unk>", 0f) }.Concat(spmPieces).Append(("<mask>", 0f)))
        {
            vocab.Add(new JsonArray(p, s));
        }

        var normalizers = new JsonArray();
        if (charsmap is not null)
        {
            normalizers.Add(new JsonObject { ["type"] = "Precompiled", ["precompiled_charsmap"] = Convert.ToBase64String(charsmap) });
        }

        normalizers.Add(new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["Regex"] = " {2,}" }, ["content"] = " " });
        return new JsonObject
        {
            ["version"] = "1.0",
            ["normalizer"] = new JsonObject { ["type"] = "Sequence", ["normalizers"] = normalizers },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = "always", ["split"] = true },
            ["model"] = new JsonObject { ["type"] = "Unigram", ["unk_id"] = 3, ["vocab"] = vocab, ["byte_fallback"] = false },
        };
    }

    [Fact]
    public void Tokenizer_json_alone_gives_the_same_ids_as_the_sentencepiece_model()
    {
        using var spmDir = new TempDirectory();
        using var jsonDir = new TempDirectory();
        File.WriteAllBytes(Path.Combine(spmDir.Path, XlmRobertaTokenizer.ModelFileName), SentencePieceModelFile.Unigram(Pieces));
        File.WriteAllText(Path.Combine(jsonDir.Path, "tokenizer.json"), TokenizerJson(Pieces, null).ToJsonString());
        var fromModel = XlmRobertaTokenizer.Load(spmDir.Path);
        var fromJson = XlmRobertaTokenizer.Load(jsonDir.Path);

        foreach (var text in new[] { "المريض يشكو من ألم؟", "  المريض   🤒 xyz ، ", "المريض <mask> من", "" })
        {
            Assert.Equal(fromModel.Encode(text), fromJson.Encode(text));
        }

        Assert.Equal([5, 6, 11, 12, 4, 13, 14], fromJson.Encode("المريض يشكو من ألم؟"));
        Assert.Equal(fromModel.VocabSize, fromJson.VocabSize);
    }

    [Theory]
    [InlineData("xlmr-probe.txt", "arabic-xlmr-unigram.expected-ids.txt")]
    [InlineData("xlmr-random-probe.txt", "arabic-xlmr-unigram.random-expected-ids.txt")]
    public void Precompiled_character_map_from_tokenizer_json_normalizes_like_spm_encode(string probeFile, string idsFile)
    {
        var (pieces, charsmap) = SentencePieceModelReader.Read(File.ReadAllBytes(Resource("arabic-xlmr-unigram.model")));
        Assert.NotEmpty(charsmap);
        Assert.Equal(["<unk>", "<s>", "</s>"], pieces.Take(3).Select(p => p.Piece));
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "tokenizer.json"), TokenizerJson(pieces.Skip(3).Select(p => (p.Piece, p.Score)), charsmap).ToJsonString());
        var tokenizer = XlmRobertaTokenizer.Load(dir.Path);

        var probes = File.ReadAllLines(Resource(probeFile));
        var expected = File.ReadAllLines(Resource(idsFile));
        Assert.Equal(probes.Length, expected.Length);
        for (var i = 0; i < probes.Length; i++)
        {
            var spm = expected[i].Length == 0 ? [] : expected[i].Split(' ').Select(int.Parse);
            Assert.Equal(spm.Select(id => id == 0 ? 3 : id + 1).ToArray(), tokenizer.Encode(probes[i]));
        }
    }

    [Fact]
    public void A_normalizer_sentencepiece_does_not_apply_is_refused_by_name()
    {
        using var dir = new TempDirectory();
        var json = TokenizerJson(Pieces, null);
        json["normalizer"]!["normalizers"]!.AsArray().Add(new JsonObject { ["type"] = "Lowercase" });
        File.WriteAllText(Path.Combine(dir.Path, "tokenizer.json"), json.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => XlmRobertaTokenizer.Load(dir.Path));
        Assert.Contains("Lowercase", error.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vocabulary_not_in_fairseq_order_is_refused_with_its_index()
    {
        using var dir = new TempDirectory();
        var json = TokenizerJson(Pieces, null);
        var vocab = json["model"]!["vocab"]!.AsArray();
        vocab[1] = new JsonArray("<unk>", 0f);
        File.WriteAllText(Path.Combine(dir.Path, "tokenizer.json"), json.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => XlmRobertaTokenizer.Load(dir.Path));
        Assert.Contains("model.vocab[1]", error.Message, StringComparison.Ordinal);
    }
}
