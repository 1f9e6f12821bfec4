using System.Text.Json;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Training;

public sealed class SftJobTests
{
    private static readonly SftTrainingOptions Quick = new()
    {
        Epochs = 1, BatchSize = 4, SequenceLength = 64, LearningRate = 3e-3, MaxSteps = 3, EvalEvery = 0,
    };

    [Fact]
    public void A_preset_run_writes_a_hugging_face_model_folder_that_loads_back()
    {
        using var folder = new TempFolder();
        var workspace = Workspace.Open(folder.Sub("ws"));
        var store = new RecordStore(workspace);
        store.Insert(TrainingFixtures.Records(45).Select((r, i) => r with { Split = i < 36 ? RecordSplit.Train : i < 40 ? RecordSplit.Val : RecordSplit.Test }));
        var output = workspace.ArtifactPath("models", "tiny");

        var result = SftJob.Run(new SftJobRequest
        {
            Base = "shifa-tiny", OutputDirectory = output, Options = Quick,
            TrainRecords = store.ReadSplit(RecordSplit.Train), ValidationRecords = store.ReadSplit(RecordSplit.Val),
        });

        foreach (var file in new[]
        {
            "config.json", "model.safetensors", "tokenizer.json", "vocab.json", "merges.txt", "tokenizer_config.json",
            "special_tokens_map.json", "chat_template.jinja", "training_metrics.csv", "training_metrics.json", "training_loss.png",
        })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        Assert.False(Directory.Exists(Path.Combine(output, "checkpoint")));
        Assert.Equal(3, result.Summary.Steps);
        Assert.Equal("fp32", result.Summary.Precision);
        Assert.Equal(36, result.Summary.TrainExamples);
        Assert.Equal(4, result.Summary.ValidationExamples);
        Assert.True(result.Summary.UnigramEntropy > 0);
        Assert.True(result.Summary.TokenizerFertility > 0);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(output, "training_metrics.csv")).Length);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "tokenizer_config.json")));
        Assert.Equal(ArabicQaChatTemplate.Jinja, config.RootElement.GetProperty("chat_template").GetString());

        using var model = CausalLanguageModel.Load(output);
        var tokenizer = TokenizerLoader.Load(output);
        Assert.Equal("llama", model.Config.ModelType);
        Assert.Equal(tokenizer.VocabSize, model.Config.VocabSize);
        Assert.Equal(tokenizer.EosId, model.Config.EosTokenId);
        var prompt = ArabicQaChatTemplate.Prompt("عندي صداع، شو أعمل؟");
        using var ids = tensor(tokenizer.Encode(prompt).Select(i => (long)i).ToArray()).unsqueeze(0);
        using var logits = model.forward(ids);
        Assert.Equal(tokenizer.VocabSize, logits.shape[^1]);
    }

    [Fact]
    public void A_lora_run_on_a_model_folder_writes_peft_adapter_files()
    {
        using var folder = new TempFolder();
        var baseFolder = folder.Sub("base");
        SftJob.Run(new SftJobRequest { Base = "shifa-tiny", OutputDirectory = baseFolder, TrainRecords = TrainingFixtures.Records(20), Options = Quick });
        var output = folder.Sub("lora");

        var result = SftJob.Run(new SftJobRequest
        {
            Base = baseFolder, OutputDirectory = output, TrainRecords = TrainingFixtures.Records(20),
            Lora = LoraConfig.Parse("r=4,alpha=8"), Options = Quick with { MaxSteps = 2, Precision = TrainingPrecision.Bf16 },
        });

        Assert.True(File.Exists(Path.Combine(output, "adapter_config.json")));
        Assert.True(File.Exists(Path.Combine(output, "adapter_model.safetensors")));
        Assert.True(File.Exists(Path.Combine(output, "model.safetensors")));
        Assert.True(File.Exists(Path.Combine(output, "tokenizer.json")));
        Assert.Equal(2, result.Summary.Steps);
        Assert.Equal("bf16", result.Summary.Precision);
        using (var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "training_metrics.json"))))
        {
            Assert.Equal("bf16", metrics.RootElement.GetProperty("summary").GetProperty("precision").GetString());
        }

        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "tokenizer_config.json")));
        Assert.Equal(ArabicQaChatTemplate.Jinja, config.RootElement.GetProperty("chat_template").GetString());
    }

    [Fact]
    public void An_unknown_base_names_the_presets()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => SftJob.Run(new SftJobRequest
        {
            Base = "no-such-model", OutputDirectory = Path.GetTempPath(), TrainRecords = TrainingFixtures.Records(3), Options = Quick,
        }));

        Assert.Contains("shifa-tiny", error.Message, StringComparison.Ordinal);
    }
}
