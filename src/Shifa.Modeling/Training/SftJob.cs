// From records to a model folder: base model and tokenizer, optional LoRA, rows, training, HF-layout output.
using System.Diagnostics;
using System.Text.Json.Nodes;
using Shifa.Core.Records;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Export.Peft;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Presets;
using Shifa.Modeling.Tokenization;
using TorchSharp;

namespace Shifa.Modeling.Training;

/// <summary>
/// Runs one supervised fine-tuning job and writes <c>models/&lt;name&gt;/</c>: <c>config.json</c>,
/// <c>model.safetensors</c>, tokenizer files with the chat template, <c>chat_template.jinja</c>,
/// training metrics (CSV, JSON, PNG) and, with LoRA, <c>adapter_config.json</c> +
/// <c>adapter_model.safetensors</c> (the weights file then holds the merged model).
/// An interrupted job resumes from <c>checkpoint/</c> in the output folder.
/// </summary>
public static class SftJob
{
    private static readonly string[] TokenizerFiles =
        ["tokenizer.json", "vocab.json", "merges.txt", "tokenizer.model", "vocab.txt", "special_tokens_map.json", "tokenizer_config.json"];

    /// <summary>The settings a base starts from: the preset's, or general fine-tuning defaults for a folder.</summary>
    public static SftTrainingOptions DefaultOptions(string baseModel) =>
        ShifaPresets.IsPreset(baseModel)
            ? ShifaPresets.Get(baseModel).Training
            : new SftTrainingOptions { Epochs = 3, LearningRate = 2e-4, SequenceLength = 512, BatchSize = 4 };

    /// <summary>Trains and writes the model folder.</summary>
    public static SftJobResult Run(SftJobRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var options = request.Options ?? DefaultOptions(request.Base);
        var (train, validation) = SplitValidation(request.TrainRecords, request.ValidationRecords);
        if (train.Count == 0)
        {
            throw new InvalidOperationException("No training records: run `shifa split` first, or check that the workspace has records in the train split.");
        }

        // ---- base model and tokenizer ----------------------------------------------------------
        CausalLanguageModel model;
        ITextTokenizer tokenizer;
        ByteLevelBpeModel? trainedVocabulary = null;
        if (ShifaPresets.IsPreset(request.Base))
        {
            var preset = ShifaPresets.Get(request.Base);
            var (vocabulary, architecture) = ShifaPresets.Prepare(preset, train.SelectMany(r => new[] { r.Question, r.Answer }), ct);
            trainedVocabulary = vocabulary;
            tokenizer = new ByteLevelBpeTokenizer(vocabulary);
            model = ShifaPresets.CreateModel(architecture, options.Seed);
        }
        else if (Directory.Exists(request.Base))
        {
            tokenizer = TokenizerLoader.Load(request.Base);
            model = CausalLanguageModel.Load(request.Base);
        }
        else
        {
            throw new DirectoryNotFoundException(
                $"Base '{request.Base}' is neither a preset ({string.Join(", ", ShifaPresets.Names)}) nor a model folder.");
        }

        if (request.Lora is not null)
        {
            LoraAdapter.Attach(model, request.Lora);
        }

        options = options with { SequenceLength = Math.Min(options.SequenceLength, model.Config.MaxPositions) };

        // ---- rows --------------------------------------------------------------------------------
        var problems = new List<string>();
        var collator = new SftDataCollator(tokenizer, options.SequenceLength);
        var trainExamples = collator.TokenizeAll(train, problems);
        var validationExamples = collator.TokenizeAll(validation, problems);
        var trainRows = collator.BuildRows(trainExamples, options.Pack);
        var validationRows = collator.BuildRows(validationExamples, options.Pack);
        var entropy = UnigramEntropy.Of(trainRows);
        var fertility = TokenizerFertility.Measure(tokenizer, train.Select(r => r.Answer)).TokensPerWord;

        // ---- train -------------------------------------------------------------------------------
        Directory.CreateDirectory(request.OutputDirectory);
        var checkpoint = Path.Combine(request.OutputDirectory, "checkpoint");
        var metrics = SftTrainer.Train(model, trainRows, validationRows, options, checkpoint, progress, ct);
        model.to(torch.CPU);

        // ---- write the model folder ----------------------------------------------------------------
        var output = request.OutputDirectory;
        if (request.Lora is not null)
        {
            PeftAdapterFormat.Save(model, request.Lora, output, request.Base);
            LoraAdapter.Merge(model);
        }

        model.Save(output);
        if (trainedVocabulary is not null)
        {
            HfTokenizerWriter.Save(trainedVocabulary, output, ArabicQaChatTemplate.Jinja, model.Config.MaxPositions);
        }
        else
        {
            CopyTokenizer(request.Base, output);
        }

        File.WriteAllText(Path.Combine(output, "chat_template.jinja"), ArabicQaChatTemplate.Jinja);
        var summary = new TrainingSummary
        {
            Base = request.Base,
            Steps = metrics.Count,
            TrainExamples = trainExamples.Count,
            ValidationExamples = validationExamples.Count,
            TrainAnswerTokens = trainRows.Sum(r => (long)r.Targets.Count(t => t != SftDataCollator.IgnoreIndex)),
            FinalTrainLoss = metrics.TakeLast(10).Average(m => m.TrainLoss),
            FinalValidationLoss = metrics.LastOrDefault(m => m.ValidationLoss is not null)?.ValidationLoss,
            UnigramEntropy = entropy,
            TokenizerFertility = fertility,
            Precision = TrainingPrecisions.Name(TrainingPrecisions.Resolve(options.Precision, SftTrainer.ResolveDevice(options.Device))),
            TokensPerSecond = metrics.Average(m => m.TokensPerSecond),
            Seconds = clock.Elapsed.TotalSeconds,
            Problems = problems,
        };
        TrainingMetricsLog.Write(output, metrics, summary);
        if (Directory.Exists(checkpoint))
        {
            Directory.Delete(checkpoint, recursive: true);
        }

        return new SftJobResult(output, summary, metrics);
    }

    // Every tenth record by id order, so the hold-out does not depend on the order records were read.
    private static (List<QaRecord> Train, List<QaRecord> Validation) SplitValidation(
        IReadOnlyList<QaRecord> train, IReadOnlyList<QaRecord> validation)
    {
        if (validation.Count > 0 || train.Count < 10)
        {
            return ([.. train], [.. validation]);
        }

        var ordered = train.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        return (ordered.Where((_, i) => i % 10 != 9).ToList(), ordered.Where((_, i) => i % 10 == 9).ToList());
    }

    private static void CopyTokenizer(string source, string output)
    {
        foreach (var file in TokenizerFiles.Where(f => File.Exists(Path.Combine(source, f))))
        {
            File.Copy(Path.Combine(source, file), Path.Combine(output, file), overwrite: true);
        }

        var configPath = Path.Combine(output, "tokenizer_config.json");
        var config = File.Exists(configPath) ? JsonNode.Parse(File.ReadAllText(configPath))!.AsObject() : new JsonObject();
        config["chat_template"] = ArabicQaChatTemplate.Jinja;
        File.WriteAllText(configPath, config.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
