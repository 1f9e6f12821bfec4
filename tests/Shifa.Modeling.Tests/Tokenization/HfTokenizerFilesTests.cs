using System.Text.Json;
using CsCheck;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class HfTokenizerFilesTests
{
    private static readonly Lazy<ByteLevelBpeModel> Trained = new(() =>
        BpeTrainer.Train(ArabicCorpus.Repeated(20), new BpeTrainerOptions { VocabularySize = 600 }));

    [Fact]
    public void Writes_every_hugging_face_file_with_the_chat_template()
    {
        using var dir = new TempDirectory();

        HfTokenizerWriter.Save(Trained.Value, dir.Path, chatTemplate: "{{ messages }}");

        foreach (var file in new[] { "vocab.json", "merges.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, file)), file);
        }

        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "tokenizer_config.json")));
        Assert.Equal("{{ messages }}", config.RootElement.GetProperty("chat_template").GetString());
        Assert.Equal(SpecialTokenNames.EndOfText, config.RootElement.GetProperty("eos_token").GetString());
        Assert.Equal(Trained.Value.Merges.Count + 1, File.ReadAllLines(Path.Combine(dir.Path, "merges.txt")).Length);
    }

    [Fact]
    public void Tokenizer_json_reads_back_to_the_same_model()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);

        var read = HfTokenizerReader.Read(dir.Path);

        Assert.Equal(Trained.Value.Merges, read.Merges);
        Assert.Equal(Trained.Value.Vocabulary.OrderBy(kv => kv.Value), read.Vocabulary.OrderBy(kv => kv.Value));
        Assert.Equal(Trained.Value.SpecialTokens.OrderBy(kv => kv.Value), read.SpecialTokens.OrderBy(kv => kv.Value));
        Assert.Equal(ByteLevelPreTokenizer.Qwen35Pattern, read.Pattern);
    }

    [Fact]
    public void Microsoft_ml_tokenizers_gives_the_same_ids_as_our_encoder()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);
        var ours = new ByteLevelBpeTokenizer(Trained.Value);
        var library = TokenizerLoader.Load(dir.Path);

        Assert.IsType<MlTokenizerAdapter>(library);
        foreach (var sentence in ArabicCorpus.Sentences)
        {
            Assert.Equal(ours.Encode(sentence), library.Encode(sentence));
        }

        TextGenerators.MixedText.Sample(text =>
            ours.Encode(text).SequenceEqual(library.Encode(text)) && library.Decode(library.Encode(text)) == text, iter: 1000);
    }

    [Fact]
    public void Gpt2_style_vocab_and_merges_without_tokenizer_json_load_with_gpt2_splitting()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);
        File.Delete(Path.Combine(dir.Path, "tokenizer.json"));

        var read = HfTokenizerReader.Read(dir.Path);
        var library = TokenizerLoader.Load(dir.Path);
        var ours = new ByteLevelBpeTokenizer(read);

        Assert.Equal(ByteLevelPreTokenizer.Gpt2Pattern, read.Pattern);
        Assert.Equal(Trained.Value.SpecialTokens.OrderBy(kv => kv.Value), read.SpecialTokens.OrderBy(kv => kv.Value));
        foreach (var sentence in ArabicCorpus.Sentences)
        {
            Assert.Equal(ours.Encode(sentence), library.Encode(sentence));
            Assert.Equal(sentence, library.Decode(library.Encode(sentence)));
        }
    }

    [Fact]
    public void A_malformed_merge_line_is_reported_with_file_and_line()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);
        File.Delete(Path.Combine(dir.Path, "tokenizer.json"));
        var merges = File.ReadAllLines(Path.Combine(dir.Path, "merges.txt")).ToList();
        merges[3] = "onlyonetoken";
        File.WriteAllLines(Path.Combine(dir.Path, "merges.txt"), merges);

        var error = Assert.Throws<InvalidDataException>(() => HfTokenizerReader.Read(dir.Path));

        Assert.Contains("merges.txt, line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_whose_parts_are_missing_from_the_vocabulary_is_named()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);
        File.Delete(Path.Combine(dir.Path, "tokenizer.json"));
        File.AppendAllLines(Path.Combine(dir.Path, "merges.txt"), ["Ø§ zzzq"]);

        var error = Assert.Throws<InvalidDataException>(() => HfTokenizerReader.Read(dir.Path));

        Assert.Contains("zzzq", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_says_which_files_were_expected()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => TokenizerLoader.Load(dir.Path));

        Assert.Contains("tokenizer.model", error.Message, StringComparison.Ordinal);
        Assert.Contains("vocab.txt", error.Message, StringComparison.Ordinal);
    }
}
