// Trainer bundles: the curated splits in chat format and configs holding only documented keys.
using System.Text.Json;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Interop.Trainers;
using Shifa.Modeling.Training;
using YamlDotNet.Serialization;

namespace Shifa.Interop.Tests.Trainers;

public sealed class TrainerBundleExporterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("shifa-trainer-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private Workspace CuratedWorkspace()
    {
        var ws = Workspace.Open(Path.Combine(_root, "ws"));
        var splits = new[] { RecordSplit.Train, RecordSplit.Train, RecordSplit.Train, RecordSplit.Val, RecordSplit.Test, RecordSplit.None };
        new RecordStore(ws).Insert(ArabicTestText.Sentences.Take(splits.Length).Select((q, i) => new QaRecord
        {
            Id = $"r{i}", Question = q, Answer = $"جواب {i}: راجع الطبيب 👨‍⚕️", Split = splits[i],
            Provenance = Provenance.RealData("test", DateTimeOffset.UnixEpoch),
        }));
        return ws;
    }

    private static Dictionary<object, object> Yaml(string path) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));

    private static List<JsonElement> Rows(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Trl_bundle_has_prompt_completion_rows_and_documented_keys_only()
    {
        string folder = Path.Combine(_root, "trl");
        var result = TrainerBundleExporter.Export(CuratedWorkspace(), folder, TrainerFormat.Trl,
            new TrainerBundleOptions { ChatTemplate = ArabicQaChatTemplate.Jinja, SequenceLength = 1024, Gpus = 4, DeepSpeedStage = 3 });

        Assert.Equal((3, 1, 1), (result.Train, result.Validation, result.Test));
        var train = Rows(Path.Combine(folder, "data/train.jsonl"));
        Assert.Equal(3, train.Count);
        Assert.Equal(ArabicTestText.Sentences[0], train[0].GetProperty("prompt")[0].GetProperty("content").GetString());
        Assert.Equal("assistant", train[0].GetProperty("completion")[0].GetProperty("role").GetString());
        Assert.Equal("جواب 0: راجع الطبيب 👨‍⚕️", train[0].GetProperty("completion")[0].GetProperty("content").GetString());

        var sft = Yaml(Path.Combine(folder, "sft_config.yaml"));
        Assert.Empty(TrainerConfigKeys.Unknown(sft.Keys.Cast<string>(), TrainerConfigKeys.Trl));
        Assert.Equal("true", sft["completion_only_loss"]);
        Assert.Equal("1024", sft["max_length"]);
        Assert.Equal("validation", sft["dataset_test_split"]);
        Assert.Equal(ArabicQaChatTemplate.Jinja, File.ReadAllText(Path.Combine(folder, (string)sft["chat_template_path"])));

        var accelerate = Yaml(Path.Combine(folder, "accelerate_config.yaml"));
        Assert.Empty(TrainerConfigKeys.Unknown(accelerate.Keys.Cast<string>(), TrainerConfigKeys.Accelerate));
        var deepspeed = (Dictionary<object, object>)accelerate["deepspeed_config"];
        Assert.Empty(TrainerConfigKeys.Unknown(deepspeed.Keys.Cast<string>(), TrainerConfigKeys.AccelerateDeepSpeed));
        Assert.Equal(("DEEPSPEED", "4", "3"), ((string)accelerate["distributed_type"], (string)accelerate["num_processes"], (string)deepspeed["zero_stage"]));
    }

    [Fact]
    public void Axolotl_bundle_trains_assistant_turns_only_and_has_documented_keys_only()
    {
        string folder = Path.Combine(_root, "axolotl");
        TrainerBundleExporter.Export(CuratedWorkspace(), folder, TrainerFormat.Axolotl, new TrainerBundleOptions { SystemPrompt = "أنت مساعد طبي." });

        var rows = Rows(Path.Combine(folder, "data/validation.jsonl"));
        var messages = rows.Single().GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
        Assert.Equal(["system", "user", "assistant"], messages);

        var config = Yaml(Path.Combine(folder, "axolotl.yaml"));
        Assert.Empty(TrainerConfigKeys.Unknown(config.Keys.Cast<string>(), TrainerConfigKeys.Axolotl));
        foreach (var list in new[] { "datasets", "test_datasets" })
        {
            var dataset = (Dictionary<object, object>)((List<object>)config[list]).Single();
            Assert.Empty(TrainerConfigKeys.Unknown(dataset.Keys.Cast<string>(), TrainerConfigKeys.AxolotlDataset));
            Assert.Equal(["assistant"], ((List<object>)dataset["roles_to_train"]).Cast<string>());
            Assert.True(File.Exists(Path.Combine(folder, (string)dataset["path"])));
        }
        Assert.Equal("false", config["train_on_inputs"]);
        Assert.Equal("lora", config["adapter"]);
    }

    [Fact]
    public void Unknown_keys_are_reported_and_an_uncurated_workspace_is_refused()
    {
        var trl = TrainerBundleExporter.TrlConfig(new TrainerBundleOptions(), hasValidation: false);
        trl["max_seq_len"] = 512;
        Assert.Equal(["max_seq_len"], TrainerConfigKeys.Unknown(trl.Keys, TrainerConfigKeys.Trl));

        var empty = Workspace.Open(Path.Combine(_root, "empty"));
        var error = Assert.Throws<InvalidOperationException>(() => TrainerBundleExporter.Export(empty, Path.Combine(_root, "x"), TrainerFormat.Trl));
        Assert.Contains("shifa curate", error.Message, StringComparison.Ordinal);
    }
}
