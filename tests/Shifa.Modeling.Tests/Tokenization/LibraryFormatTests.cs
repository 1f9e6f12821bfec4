using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class LibraryFormatTests
{
    private static string Resource(string name) => Path.Combine(AppContext.BaseDirectory, "Tokenization", "Resources", name);

    [Theory]
    [InlineData("bpe")]
    [InlineData("unigram")]
    public void SentencePiece_models_give_the_ids_spm_encode_gave(string type)
    {
        var tokenizer = TokenizerLoader.Load(Resource($"arabic-{type}.model"));
        var probes = File.ReadAllLines(Resource("spm-probe.txt"));
        var expected = File.ReadAllLines(Resource($"arabic-{type}.expected-ids.txt"));

        Assert.Equal(probes.Length, expected.Length);
        for (var i = 0; i < probes.Length; i++)
        {
            var ids = expected[i].Split(' ').Select(int.Parse).ToArray();
            Assert.Equal(ids, tokenizer.Encode(probes[i]));
        }
    }

    [Fact]
    public void SentencePiece_bpe_with_byte_fallback_round_trips_emoji()
    {
        var tokenizer = TokenizerLoader.Load(Resource("arabic-bpe.model"));
        var text = "طفلي عنده كحة 🤒 وسخونة";

        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        Assert.Equal(2, tokenizer.EosId);
    }

    [Fact]
    public void WordPiece_vocab_txt_splits_words_greedily_into_longest_pieces()
    {
        using var dir = new TempDirectory();
        string[] vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "ال", "##طب", "##يب", "طب", "##ي", "مريض", "؟", "a", "##b"];
        File.WriteAllLines(Path.Combine(dir.Path, "vocab.txt"), vocab);
        File.WriteAllText(Path.Combine(dir.Path, "tokenizer_config.json"), """{"do_lower_case": false}""");

        var tokenizer = TokenizerLoader.Load(dir.Path);

        // الطبيب → ال ##طب ##يب ; طبي → طب ##ي ; ab → a ##b ; "x" is unknown; no [CLS]/[SEP] added.
        Assert.Equal([5, 6, 7, 8, 9, 10, 11, 12, 13, 1], tokenizer.Encode("الطبيب طبي مريض؟ ab x"));
        Assert.Equal(14, tokenizer.VocabSize);
        Assert.Equal(3, tokenizer.EosId);
    }
}
