using System.Text.Json.Nodes;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

/// <summary>Which split a <c>tokenizer.json</c>'s pre_tokenizer stands for, as the reader sees it.</summary>
public sealed class HfTokenizerSplitTests
{
    private static readonly Lazy<ByteLevelBpeModel> Trained = new(() =>
        BpeTrainer.Train(ArabicCorpus.Repeated(2), new BpeTrainerOptions { VocabularySize = 300 }));

    [Fact]
    public void Written_split_is_one_isolated_regex_before_byte_level()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);
        var steps = PreTokenizer(dir.Path)["pretokenizers"]!.AsArray();
        Assert.Equal("Split", (string?)steps[0]!["type"]);
        Assert.Equal("Isolated", (string?)steps[0]!["behavior"]);
        Assert.Equal(ByteLevelPreTokenizer.Qwen35Pattern, (string?)steps[0]!["pattern"]!["Regex"]);
        Assert.Equal("ByteLevel", (string?)steps[1]!["type"]);
        Assert.False((bool)steps[1]!["use_regex"]!);
    }

    [Fact]
    public void Qwen35_case_insensitive_spelling_reads_as_the_same_split()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);
        Rewrite(dir.Path, pre => pre["pretokenizers"]![0]!["pattern"]!["Regex"] =
            @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+");

        Assert.Equal(ByteLevelPreTokenizer.Qwen35Pattern, HfTokenizerReader.Read(dir.Path).Pattern);
    }

    [Fact]
    public void Chained_split_expressions_are_refused_with_the_file_named()
    {
        using var dir = new TempDirectory();
        HfTokenizerWriter.Save(Trained.Value, dir.Path);
        Rewrite(dir.Path, pre => pre["pretokenizers"]!.AsArray().Insert(0, new JsonObject
        {
            ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = @"\p{N}{1,3}" }, ["behavior"] = "Isolated", ["invert"] = false,
        }));

        var error = Assert.Throws<NotSupportedException>(() => HfTokenizerReader.Read(dir.Path));
        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 split expressions", error.Message, StringComparison.Ordinal);
    }

    private static JsonNode PreTokenizer(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "tokenizer.json")))!["pre_tokenizer"]!;

    private static void Rewrite(string folder, Action<JsonNode> change)
    {
        string path = Path.Combine(folder, "tokenizer.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        change(root["pre_tokenizer"]!);
        File.WriteAllText(path, root.ToJsonString());
    }
}
