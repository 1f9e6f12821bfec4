using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class XlmRobertaTokenizerTests
{
    // spm ids 3.. of the hand-made model; XLM-R ids are these + 1.
    private static readonly (string, float)[] Pieces =
    [
        ("▁", -3f), ("▁ال", -2f), ("مريض", -3f), ("▁المريض", -6f), ("م", -4f), ("ريض", -3.5f), ("ال", -2.5f),
        ("▁يشكو", -4f), ("▁من", -2f), ("ألم", -3f), ("؟", -2f), ("،", -2f), ("▁ألم", -7f),
    ];

    private static string Resource(string name) => Path.Combine(AppContext.BaseDirectory, "Tokenization", "Resources", name);

    private static XlmRobertaTokenizer HandMade(TempDirectory dir)
    {
        var path = Path.Combine(dir.Path, XlmRobertaTokenizer.ModelFileName);
        File.WriteAllBytes(path, SentencePieceModelFile.Unigram(Pieces));
        return XlmRobertaTokenizer.Load(dir.Path);
    }

    [Fact]
    public void Unigram_picks_the_best_scoring_segmentation_not_the_longest_piece()
    {
        using var dir = new TempDirectory();
        var tokenizer = HandMade(dir);

        // ▁المريض: ▁ال + مريض scores −5, the whole piece −6, ▁ال + م + ريض −9.5.
        // ▁ألم: ▁ + ألم scores −6, the whole piece −7. Ids are spm ids + 1.
        Assert.Equal([5, 6, 11, 12, 4, 13, 14], tokenizer.Encode("المريض يشكو من ألم؟"));
        Assert.Equal(17, tokenizer.MaskId);
        Assert.Equal(18, tokenizer.VocabSize);
    }

    [Fact]
    public void A_run_of_unknown_characters_is_one_unk_with_id_3()
    {
        using var dir = new TempDirectory();
        var tokenizer = HandMade(dir);

        // ▁ال مريض ▁ [🤒🤒] ▁ [xyz]: each run of characters no piece covers is one <unk>.
        Assert.Equal([5, 6, 4, 3, 4, 3], tokenizer.Encode("المريض 🤒🤒 xyz"));
    }

    [Fact]
    public void Extra_whitespace_is_collapsed_and_the_dummy_prefix_added_once()
    {
        using var dir = new TempDirectory();
        var tokenizer = HandMade(dir);

        Assert.Equal(tokenizer.Encode("المريض يشكو"), tokenizer.Encode("   المريض     يشكو  "));
        Assert.Equal([5, 6, 11], tokenizer.Encode("المريض يشكو"));
    }

    [Fact]
    public void Special_token_strings_map_to_their_ids_and_mask_takes_the_space_before_it()
    {
        using var dir = new TempDirectory();
        var tokenizer = HandMade(dir);

        Assert.Equal([0, 5, 6, 2], tokenizer.Encode("<s>المريض</s>"));
        Assert.Equal([5, 6, 17, 12], tokenizer.Encode("المريض <mask> من"));
        Assert.Equal([5, 6, 1, 3], tokenizer.Encode("المريض<pad><unk>"));
    }

    [Fact]
    public void EncodeSentence_wraps_in_s_and_truncates_the_text_not_the_specials()
    {
        using var dir = new TempDirectory();
        var tokenizer = HandMade(dir);

        Assert.Equal([0, 2], tokenizer.EncodeSentence("", 512));
        Assert.Equal([0, 5, 6, 11, 12, 4, 13, 14, 2], tokenizer.EncodeSentence("المريض يشكو من ألم؟", 512));
        Assert.Equal([0, 5, 6, 11, 2], tokenizer.EncodeSentence("المريض يشكو من ألم؟", 5));
    }

    [Fact]
    public void Decode_undoes_the_offset_and_the_whitespace_marks()
    {
        using var dir = new TempDirectory();
        var tokenizer = HandMade(dir);
        var ids = tokenizer.EncodeSentence("المريض يشكو من ألم؟", 512);

        Assert.Equal("<s>المريض يشكو من ألم؟</s>", tokenizer.Decode(ids));
        Assert.Equal("المريض يشكو من ألم؟", tokenizer.Decode(ids, skipSpecialTokens: true));
    }

    [Fact]
    public void TokenizerLoader_reads_an_xlm_roberta_folder_with_fairseq_ids()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(Path.Combine(dir.Path, XlmRobertaTokenizer.ModelFileName), SentencePieceModelFile.Unigram(Pieces));

        var tokenizer = TokenizerLoader.Load(dir.Path);

        Assert.IsType<XlmRobertaTokenizer>(tokenizer);
        Assert.Equal([5, 6, 11], tokenizer.Encode("المريض يشكو"));
        Assert.Equal((0, 2, 1), (tokenizer.BosId, tokenizer.EosId, tokenizer.PadId));
    }

    // The probe lines (diacritics, tatweel, emoji, presentation forms, full-width Latin, tabs) were
    // encoded by spm_encode with a model that keeps SentencePiece's nmt_nfkc character map, as
    // XLM-R's does; XLM-R's ids are spm's + 1 with spm's <unk> (0) moved to 3.
    [Theory]
    [InlineData("xlmr-probe.txt", "arabic-xlmr-unigram.expected-ids.txt")]
    [InlineData("xlmr-random-probe.txt", "arabic-xlmr-unigram.random-expected-ids.txt")]
    public void Nmt_nfkc_model_gives_spm_encode_ids_shifted_to_the_fairseq_layout(string probeFile, string idsFile)
    {
        var tokenizer = XlmRobertaTokenizer.Load(Resource("arabic-xlmr-unigram.model"));
        var probes = File.ReadAllLines(Resource(probeFile));
        var expected = File.ReadAllLines(Resource(idsFile));

        Assert.Equal(probes.Length, expected.Length);
        for (var i = 0; i < probes.Length; i++)
        {
            var spm = expected[i].Length == 0 ? [] : expected[i].Split(' ').Select(int.Parse);
            Assert.True(spm.Select(id => id == 0 ? 3 : id + 1).SequenceEqual(tokenizer.Encode(probes[i])),
                $"{probeFile}:{i + 1}: expected [{string.Join(' ', spm.Select(id => id == 0 ? 3 : id + 1))}], got [{string.Join(' ', tokenizer.Encode(probes[i]))}]");
        }

        // ﻻ (U+FEFB) is folded by NFKC to ل + ا: spm pieces ▁, ل, ا are ids 3, 8, 5.
        Assert.Equal([4, 9, 6], tokenizer.Encode("ﻻ"));
    }
}
