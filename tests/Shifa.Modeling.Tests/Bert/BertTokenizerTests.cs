using Shifa.Modeling.Architectures.Bert;

namespace Shifa.Modeling.Tests.Bert;

public class BertTokenizerTests
{
    private static readonly Dictionary<string, int> Vocab =
        TinyBertFolder.Vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);

    [Fact]
    public void Basic_tokenizer_splits_arabic_punctuation_and_keeps_diacritics_when_cased()
    {
        var basic = new BertBasicTokenizer(lowerCase: false);
        // Tatweel (U+0640) is a letter (Lm), kept; ZWNJ (Cf) and control chars are removed; the emoji is not punctuation.
        Assert.Equal(
            ["يُعاني", "المريـض", "،", "هل", "يحتاج", "ECG", "؟", "٣", "ايام", "؛", "😟"],
            basic.Tokenize("يُعاني المريـض، هل\u200c يحتاج\tECG؟ ٣ ايام؛ 😟\u0007"));
    }

    [Fact]
    public void Uncased_lowercases_and_strips_accents_including_arabic_harakat()
    {
        var basic = new BertBasicTokenizer(lowerCase: true);
        Assert.Equal(["cafe", "يعاني", "ecg", "!"], basic.Tokenize("Café يُعاني ECG!"));
    }

    [Fact]
    public void Input_is_nfc_normalized_and_cjk_ideographs_stand_alone()
    {
        var basic = new BertBasicTokenizer(lowerCase: false);
        Assert.Equal(["café"], basic.Tokenize("cafe\u0301"));
        Assert.Equal(["a", "中", "文", "b"], basic.Tokenize("a中文b"));
    }

    [Fact]
    public void Wordpiece_is_greedy_longest_match_and_unknown_words_become_unk()
    {
        var tok = new BertTokenizer(Vocab, lowerCase: false);
        Assert.Equal(["المريض", "ال", "##ض", "pain", "##s", "[UNK]", "؟"], tok.Tokenize("المريض الض pains xyz؟"));
        Assert.Equal([Vocab["[CLS]"], Vocab["المريض"], Vocab["[SEP]"]], tok.Encode("المريض"));
        Assert.Equal([Vocab["[CLS]"], Vocab["[SEP]"]], tok.Encode(string.Empty));
    }

    [Fact]
    public void Encoding_truncates_to_the_maximum_length_keeping_cls_and_sep()
    {
        var tok = new BertTokenizer(Vocab, lowerCase: false);
        var ids = tok.Encode(string.Join(' ', Enumerable.Repeat("صداع", 600)), 512);
        Assert.Equal(512, ids.Length);
        Assert.Equal(Vocab["[CLS]"], ids[0]);
        Assert.Equal(Vocab["[SEP]"], ids[^1]);
        Assert.All(ids[1..^1], id => Assert.Equal(Vocab["صداع"], id));
    }

    [Fact]
    public void Loads_vocab_txt_and_casing_from_a_model_folder()
    {
        using var folder = new TinyBertFolder(7, lowerCase: true);
        var tok = BertTokenizer.Load(folder.Path);
        Assert.True(tok.LowerCase);
        Assert.Equal(TinyBertFolder.Vocabulary.Length, tok.VocabSize);
        Assert.Equal(["ecg"], tok.Tokenize("ECG"));
        File.Delete(Path.Combine(folder.Path, "vocab.txt"));
        Assert.Throws<FileNotFoundException>(() => BertTokenizer.Load(folder.Path));
    }
}
