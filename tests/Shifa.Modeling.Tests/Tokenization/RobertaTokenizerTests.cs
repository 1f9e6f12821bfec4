using System.Text;
using System.Text.Json;
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class RobertaTokenizerTests
{
    // RoBERTa's layout: <s> <pad> </s> <unk>, then the 256 byte symbols, then merged tokens.
    private static void WriteRobertaVocabulary(string dir)
    {
        var vocab = new Dictionary<string, int> { ["<s>"] = 0, ["<pad>"] = 1, ["</s>"] = 2, ["<unk>"] = 3 };
        for (var b = 0; b < 256; b++)
        {
            vocab[ByteLevelAlphabet.ToChar((byte)b).ToString()] = 4 + b;
        }

        string[] merges = ["p a", "i n", "pa in", "Ġ pain"];
        foreach (var m in merges)
        {
            vocab[m.Replace(" ", string.Empty, StringComparison.Ordinal)] = vocab.Count;
        }

        vocab["<mask>"] = vocab.Count;
        File.WriteAllText(Path.Combine(dir, "vocab.json"), JsonSerializer.Serialize(vocab));
        File.WriteAllLines(Path.Combine(dir, "merges.txt"), ["#version: 0.2", .. merges]);
    }

    [Fact]
    public void A_space_is_put_before_the_text_so_the_first_word_is_encoded_like_the_others()
    {
        using var dir = new TempDirectory();
        WriteRobertaVocabulary(dir.Path);
        var tokenizer = RobertaTokenizer.Load(dir.Path);

        // "pain" alone would be token 262; with the prefix space both words are "Ġpain" (263).
        Assert.Equal([0, 263, 263, 2], tokenizer.EncodeSentence("pain pain", 512));
        Assert.Equal((0, 2, 1), (tokenizer.ClsId, tokenizer.SepId, tokenizer.PadId));
    }

    [Fact]
    public void Arabic_without_merges_is_its_utf8_bytes_after_the_space_byte()
    {
        using var dir = new TempDirectory();
        WriteRobertaVocabulary(dir.Path);
        var tokenizer = RobertaTokenizer.Load(dir.Path);

        var expected = Encoding.UTF8.GetBytes(" ألم").Select(b => 4 + b).ToArray();
        Assert.Equal([0, .. expected, 2], tokenizer.EncodeSentence("ألم", 512));
        Assert.Equal([0, expected[0], expected[1], 2], tokenizer.EncodeSentence("ألم", 4));
        Assert.Equal([0, 2], tokenizer.EncodeSentence(string.Empty, 512));
    }

    [Fact]
    public void Encoder_tokenizer_follows_the_config_model_type()
    {
        using var dir = new TempDirectory();
        WriteRobertaVocabulary(dir.Path);
        File.WriteAllBytes(Path.Combine(dir.Path, XlmRobertaTokenizer.ModelFileName), SentencePieceModelFile.Unigram([("▁", -1f)]));

        Assert.IsType<RobertaTokenizer>(EncoderTokenizerLoader.Load(dir.Path, new BertConfig { ModelType = "roberta", PadTokenId = 1, MaxPositionEmbeddings = 514 }));
        Assert.IsType<XlmRobertaTokenizer>(EncoderTokenizerLoader.Load(dir.Path, new BertConfig { ModelType = "xlm-roberta", PadTokenId = 1, MaxPositionEmbeddings = 514 }));
        var missing = Assert.Throws<FileNotFoundException>(() => EncoderTokenizerLoader.Load(dir.Path, new BertConfig()));
        Assert.Contains("vocab.txt", missing.Message, StringComparison.Ordinal);
    }
}
