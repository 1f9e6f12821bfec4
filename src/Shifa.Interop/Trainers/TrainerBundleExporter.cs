// Hands a workspace's curated splits and Shifa's training settings to TRL (+ accelerate/DeepSpeed) or Axolotl.
using System.Text;
using System.Text.Json;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Modeling.Lora;
using YamlDotNet.Serialization;

namespace Shifa.Interop.Trainers;

/// <summary>
/// Writes <c>data/train.jsonl</c>, <c>data/validation.jsonl</c>, <c>data/test.jsonl</c> in Hugging Face chat format and a
/// ready configuration, so a cluster run trains on exactly the records and settings Shifa would. The loss covers only
/// the answers: TRL gets conversational prompt/completion rows with <c>completion_only_loss</c>; Axolotl gets
/// <c>messages</c> rows with <c>roles_to_train: [assistant]</c>.
/// </summary>
public static class TrainerBundleExporter
{
    /// <summary>Name of the data folder inside a bundle.</summary>
    public const string DataFolder = "data";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Exports the curated splits of <paramref name="workspace"/> into <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidOperationException">The workspace has no training split yet (run curation first).</exception>
    public static TrainerBundleResult Export(Workspace workspace, string folder, TrainerFormat format, TrainerBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        options ??= new TrainerBundleOptions();
        var store = new RecordStore(workspace);
        var train = store.ReadSplit(RecordSplit.Train);
        if (train.Count == 0)
        {
            throw new InvalidOperationException($"Workspace {workspace.Root} has no records in the train split; run `shifa curate` to assign splits first.");
        }
        var splits = new (string Name, List<QaRecord> Records)[]
        {
            ("train", train), ("validation", store.ReadSplit(RecordSplit.Val)), ("test", store.ReadSplit(RecordSplit.Test)),
        };
        Directory.CreateDirectory(Path.Combine(folder, DataFolder));
        var files = new List<string>();
        foreach (var (name, records) in splits)
        {
            string relative = $"{DataFolder}/{name}.jsonl";
            WriteRows(Path.Combine(folder, relative), records, format, options.SystemPrompt);
            files.Add(relative);
        }
        if (options.ChatTemplate is not null)
        {
            File.WriteAllText(Path.Combine(folder, "chat_template.jinja"), options.ChatTemplate);
            files.Add("chat_template.jinja");
        }
        var yaml = new SerializerBuilder().DisableAliases().Build();
        if (format == TrainerFormat.Trl)
        {
            File.WriteAllText(Path.Combine(folder, "sft_config.yaml"), yaml.Serialize(TrlConfig(options, splits[1].Records.Count > 0)));
            File.WriteAllText(Path.Combine(folder, "accelerate_config.yaml"), yaml.Serialize(AccelerateConfig(options)));
            files.AddRange(["sft_config.yaml", "accelerate_config.yaml"]);
        }
        else
        {
            File.WriteAllText(Path.Combine(folder, "axolotl.yaml"), yaml.Serialize(AxolotlConfig(options, splits[1].Records.Count > 0)));
            files.Add("axolotl.yaml");
        }
        return new TrainerBundleResult(folder, files, splits[0].Records.Count, splits[1].Records.Count, splits[2].Records.Count);
    }

    /// <summary>TRL's <c>trl sft --config</c> settings (ScriptArguments, ModelConfig, SFTConfig).</summary>
    public static Dictionary<string, object> TrlConfig(TrainerBundleOptions options, bool hasValidation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new Dictionary<string, object>
        {
            ["model_name_or_path"] = options.BaseModel,
            ["torch_dtype"] = "bfloat16",
            ["dataset_name"] = DataFolder,
            ["dataset_train_split"] = "train",
            ["use_peft"] = true,
            ["lora_r"] = options.Lora.Rank,
            ["lora_alpha"] = options.Lora.Alpha,
            ["lora_dropout"] = options.Lora.Dropout,
            ["lora_target_modules"] = Targets(options.Lora),
            ["max_length"] = options.SequenceLength,
            ["packing"] = false,
            ["completion_only_loss"] = true,
            ["output_dir"] = "output",
            ["num_train_epochs"] = options.Epochs,
            ["per_device_train_batch_size"] = options.MicroBatchSize,
            ["gradient_accumulation_steps"] = options.GradientAccumulation,
            ["learning_rate"] = options.LearningRate,
            ["lr_scheduler_type"] = "cosine",
            ["warmup_ratio"] = 0.05,
            ["bf16"] = true,
            ["gradient_checkpointing"] = true,
            ["logging_steps"] = 10,
            ["save_strategy"] = "epoch",
            ["eval_strategy"] = hasValidation ? "epoch" : "no",
            ["seed"] = options.Seed,
            ["report_to"] = "none",
        };
        if (hasValidation) config["dataset_test_split"] = "validation";
        if (options.ChatTemplate is not null) config["chat_template_path"] = "chat_template.jinja";
        return config;
    }

    /// <summary>The <c>accelerate launch --config_file</c> settings: one node, <see cref="TrainerBundleOptions.Gpus"/> processes, optional ZeRO.</summary>
    public static Dictionary<string, object> AccelerateConfig(TrainerBundleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new Dictionary<string, object>
        {
            ["compute_environment"] = "LOCAL_MACHINE",
            ["distributed_type"] = options.DeepSpeedStage > 0 ? "DEEPSPEED" : "MULTI_GPU",
            ["num_machines"] = 1,
            ["num_processes"] = options.Gpus,
            ["machine_rank"] = 0,
            ["mixed_precision"] = "bf16",
            ["main_training_function"] = "main",
            ["use_cpu"] = false,
            ["gpu_ids"] = "all",
            ["rdzv_backend"] = "static",
            ["same_network"] = true,
            ["downcast_bf16"] = "no",
        };
        if (options.DeepSpeedStage > 0)
        {
            config["deepspeed_config"] = new Dictionary<string, object>
            {
                ["zero_stage"] = options.DeepSpeedStage,
                ["gradient_accumulation_steps"] = options.GradientAccumulation,
                ["offload_optimizer_device"] = "none",
                ["offload_param_device"] = "none",
                ["zero3_init_flag"] = options.DeepSpeedStage == 3,
            };
        }
        return config;
    }

    /// <summary>An Axolotl config training LoRA on the assistant turns only.</summary>
    public static Dictionary<string, object> AxolotlConfig(TrainerBundleOptions options, bool hasValidation)
    {
        ArgumentNullException.ThrowIfNull(options);
        Dictionary<string, object> Dataset(string file) => new()
        {
            ["path"] = $"{DataFolder}/{file}",
            ["ds_type"] = "json",
            ["split"] = "train",
            ["type"] = "chat_template",
            ["field_messages"] = "messages",
            ["message_property_mappings"] = new Dictionary<string, object> { ["role"] = "role", ["content"] = "content" },
            ["roles_to_train"] = new[] { "assistant" },
            ["train_on_eos"] = "turn",
        };
        var config = new Dictionary<string, object>
        {
            ["base_model"] = options.BaseModel,
            ["datasets"] = new[] { Dataset("train.jsonl") },
            ["dataset_prepared_path"] = "prepared",
            ["output_dir"] = "output",
            ["adapter"] = "lora",
            ["lora_r"] = options.Lora.Rank,
            ["lora_alpha"] = options.Lora.Alpha,
            ["lora_dropout"] = options.Lora.Dropout,
            ["lora_target_modules"] = Targets(options.Lora),
            ["sequence_len"] = options.SequenceLength,
            ["sample_packing"] = false,
            ["pad_to_sequence_len"] = false,
            ["train_on_inputs"] = false,
            ["num_epochs"] = options.Epochs,
            ["micro_batch_size"] = options.MicroBatchSize,
            ["gradient_accumulation_steps"] = options.GradientAccumulation,
            ["learning_rate"] = options.LearningRate,
            ["lr_scheduler"] = "cosine",
            ["warmup_ratio"] = 0.05,
            ["optimizer"] = "adamw_torch",
            ["bf16"] = "auto",
            ["gradient_checkpointing"] = true,
            ["logging_steps"] = 10,
            ["saves_per_epoch"] = 1,
            ["seed"] = options.Seed,
        };
        if (hasValidation)
        {
            config["test_datasets"] = new[] { Dataset("validation.jsonl") };
            config["evals_per_epoch"] = 1;
        }
        if (options.ChatTemplate is not null)
        {
            config["chat_template"] = "jinja";
            config["chat_template_jinja"] = options.ChatTemplate;
        }
        else
        {
            config["chat_template"] = "tokenizer_default";
        }
        return config;
    }

    private static string[] Targets(LoraConfig lora) =>
        lora.TargetModules?.ToArray() ?? ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"];

    private static void WriteRows(string path, List<QaRecord> records, TrainerFormat format, string? system)
    {
        var text = new StringBuilder();
        foreach (var r in records)
        {
            var prompt = new List<Dictionary<string, string>>();
            if (!string.IsNullOrWhiteSpace(system)) prompt.Add(Message("system", system));
            prompt.Add(Message("user", r.Question.Trim()));
            var answer = Message("assistant", r.Answer.Trim());
            object row = format == TrainerFormat.Trl
                ? new Dictionary<string, object> { ["id"] = r.Id, ["prompt"] = prompt, ["completion"] = new[] { answer } }
                : new Dictionary<string, object> { ["id"] = r.Id, ["messages"] = prompt.Append(answer).ToArray() };
            text.Append(JsonSerializer.Serialize(row, Json)).Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }

    private static Dictionary<string, string> Message(string role, string content) => new() { ["role"] = role, ["content"] = content };
}
