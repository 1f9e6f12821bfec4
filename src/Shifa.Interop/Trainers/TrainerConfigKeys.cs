// The documented configuration keys of each trainer, against which exported configs are validated.
namespace Shifa.Interop.Trainers;

/// <summary>
/// Keys the target tools document, so an exported file never carries a key they would reject or silently ignore.
/// TRL: <c>trl sft --config</c> reads ScriptArguments, SFTConfig (which extends transformers' TrainingArguments) and
/// ModelConfig fields (TRL docs, "SFT Trainer" and "Command Line Interfaces"). accelerate: the keys
/// <c>accelerate config</c> writes (accelerate docs, "Launching your distributed script"). Axolotl: docs/config-reference.
/// </summary>
public static class TrainerConfigKeys
{
    /// <summary>Keys of a TRL SFT config file.</summary>
    public static readonly IReadOnlySet<string> Trl = new HashSet<string>(StringComparer.Ordinal)
    {
        // ScriptArguments
        "dataset_name", "dataset_config", "dataset_train_split", "dataset_test_split",
        // ModelConfig
        "model_name_or_path", "model_revision", "torch_dtype", "trust_remote_code", "attn_implementation",
        "use_peft", "lora_r", "lora_alpha", "lora_dropout", "lora_target_modules", "lora_task_type", "load_in_8bit", "load_in_4bit",
        // SFTConfig
        "max_length", "packing", "completion_only_loss", "assistant_only_loss", "chat_template_path", "dataset_text_field",
        // TrainingArguments
        "output_dir", "num_train_epochs", "per_device_train_batch_size", "per_device_eval_batch_size", "gradient_accumulation_steps",
        "learning_rate", "lr_scheduler_type", "warmup_ratio", "weight_decay", "bf16", "gradient_checkpointing", "logging_steps",
        "eval_strategy", "save_strategy", "seed", "report_to",
    };

    /// <summary>Keys of an accelerate config file (DeepSpeed keys nest under <c>deepspeed_config</c>).</summary>
    public static readonly IReadOnlySet<string> Accelerate = new HashSet<string>(StringComparer.Ordinal)
    {
        "compute_environment", "distributed_type", "num_machines", "num_processes", "machine_rank", "mixed_precision",
        "main_training_function", "use_cpu", "gpu_ids", "rdzv_backend", "same_network", "downcast_bf16", "deepspeed_config",
        "tpu_env", "tpu_use_cluster", "tpu_use_sudo",
    };

    /// <summary>Keys inside accelerate's <c>deepspeed_config</c>.</summary>
    public static readonly IReadOnlySet<string> AccelerateDeepSpeed = new HashSet<string>(StringComparer.Ordinal)
    {
        "zero_stage", "gradient_accumulation_steps", "gradient_clipping", "offload_optimizer_device", "offload_param_device",
        "zero3_init_flag", "zero3_save_16bit_model",
    };

    /// <summary>Top-level keys of an Axolotl config.</summary>
    public static readonly IReadOnlySet<string> Axolotl = new HashSet<string>(StringComparer.Ordinal)
    {
        "base_model", "load_in_8bit", "load_in_4bit", "strict", "chat_template", "chat_template_jinja", "datasets", "test_datasets",
        "val_set_size", "dataset_prepared_path", "output_dir", "adapter", "lora_r", "lora_alpha", "lora_dropout", "lora_target_modules",
        "lora_target_linear", "sequence_len", "sample_packing", "pad_to_sequence_len", "train_on_inputs", "num_epochs",
        "micro_batch_size", "gradient_accumulation_steps", "learning_rate", "lr_scheduler", "warmup_ratio", "optimizer",
        "weight_decay", "bf16", "tf32", "gradient_checkpointing", "logging_steps", "evals_per_epoch", "saves_per_epoch", "seed",
        "special_tokens",
    };

    /// <summary>Keys of one entry of Axolotl's <c>datasets</c> / <c>test_datasets</c> with <c>type: chat_template</c>.</summary>
    public static readonly IReadOnlySet<string> AxolotlDataset = new HashSet<string>(StringComparer.Ordinal)
    {
        "path", "ds_type", "data_files", "split", "type", "field_messages", "message_property_mappings", "roles_to_train", "train_on_eos",
    };

    /// <summary>Keys of the config that are unknown to <paramref name="documented"/> (empty when the config is valid).</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> keys, IReadOnlySet<string> documented) =>
        keys.Where(k => !documented.Contains(k)).ToList();
}
