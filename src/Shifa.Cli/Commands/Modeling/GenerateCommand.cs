// `shifa generate`: answers one question with a local model folder, streaming the answer as it is decoded.
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Export.Peft;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Tokenization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Modeling;

/// <summary>Generates an answer to a question with a model folder (Hugging Face layout), optionally with a PEFT adapter.</summary>
internal sealed class GenerateCommand(IAnsiConsole console) : AsyncCommand<GenerateCommand.Settings>
{
    // Plain text, not Spectre markup: answers contain brackets, and lines must not be wrapped at the terminal width.
    private TextWriter Out => console.Profile.Out.Writer;

    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<QUESTION>")]
        [Description("The question to answer.")]
        public string Question { get; init; } = "";

        [CommandOption("-m|--model <DIR>")]
        [Description("Model folder (config.json, model.safetensors, tokenizer files), or a model name under the workspace's models/.")]
        public string? Model { get; init; }

        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace whose models/ folder holds --model when it is a name.")]
        public string? Workspace { get; init; }

        [CommandOption("--adapter <DIR>")]
        [Description("PEFT LoRA adapter folder (adapter_config.json + adapter_model.safetensors) to apply.")]
        public string? Adapter { get; init; }

        [CommandOption("--system <TEXT>")]
        [Description("Optional system message.")]
        public string? System { get; init; }

        [CommandOption("--max-tokens <N>")]
        [Description("Most tokens to generate.")]
        [DefaultValue(256)]
        public int MaxTokens { get; init; } = 256;

        [CommandOption("--temperature <T>")]
        [Description("0 for greedy decoding (default); higher samples more freely.")]
        [DefaultValue(0.0)]
        public double Temperature { get; init; }

        [CommandOption("--top-k <K>")]
        [Description("Sample only among the K most likely tokens (0 = all).")]
        [DefaultValue(0)]
        public int TopK { get; init; }

        [CommandOption("--top-p <P>")]
        [Description("Sample only within the smallest set of tokens whose probability reaches P.")]
        [DefaultValue(1.0)]
        public double TopP { get; init; } = 1;

        [CommandOption("--repetition-penalty <R>")]
        [Description("Penalty above 1 discourages repeating tokens.")]
        [DefaultValue(1.0)]
        public double RepetitionPenalty { get; init; } = 1;

        [CommandOption("--seed <N>")]
        [Description("Seed for sampling, for reproducible output.")]
        public long? Seed { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Question)) return ValidationResult.Error("Give the question to answer.");
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model DIR is required.");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string? folder = ResolveModelFolder(settings);
        if (folder is null)
        {
            Out.WriteLine($"error: model '{settings.Model}' is neither a folder nor a model in the workspace's models/ folder.");
            return 1;
        }

        GenerationOptions options;
        LocalChatClient client;
        try
        {
            options = new GenerationOptions
            {
                MaxNewTokens = settings.MaxTokens, Temperature = settings.Temperature, TopK = settings.TopK, TopP = settings.TopP,
                RepetitionPenalty = settings.RepetitionPenalty, Seed = settings.Seed,
            };
            var model = CausalLanguageModel.Load(folder);
            if (settings.Adapter is not null) PeftAdapterFormat.Load(model, settings.Adapter);
            client = new LocalChatClient(model, TokenizerLoader.Load(folder), Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or CheckpointMismatchException or ArgumentException
                                       or NotSupportedException or KeyNotFoundException or InvalidOperationException)
        {
            Out.WriteLine($"error: {e.Message}");
            return 1;
        }

        using (client)
        {
            var messages = new List<ChatMessage>();
            if (!string.IsNullOrWhiteSpace(settings.System)) messages.Add(new ChatMessage(ChatRole.System, settings.System));
            messages.Add(new ChatMessage(ChatRole.User, settings.Question));

            var clock = Stopwatch.StartNew();
            long outputTokens = 0, inputTokens = 0;
            ChatFinishReason? finish = null;
            bool started = false;
            await foreach (var update in client.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken))
            {
                string text = started ? update.Text : update.Text.TrimStart();
                started |= text.Length > 0;
                if (text.Length > 0) Out.Write(text);
                finish = update.FinishReason ?? finish;
                foreach (var usage in update.Contents.OfType<UsageContent>())
                {
                    outputTokens = usage.Details.OutputTokenCount ?? 0;
                    inputTokens = usage.Details.InputTokenCount ?? 0;
                }
            }
            Out.WriteLine();
            double seconds = clock.Elapsed.TotalSeconds;
            Out.WriteLine(
                $"generated {outputTokens} tokens after a {inputTokens}-token prompt in {seconds:F1} s " +
                $"({outputTokens / Math.Max(seconds, 1e-9):F1} tokens/s), finished by {(finish == ChatFinishReason.Stop ? "stop" : "length")}, model {folder}");
        }
        return 0;
    }

    private static string? ResolveModelFolder(Settings settings)
    {
        if (Directory.Exists(settings.Model)) return Path.GetFullPath(settings.Model);
        if (settings.Workspace is null) return null;
        // The same place Workspace.ArtifactPath("models", name) points to, without creating it.
        string named = Path.Combine(Path.GetFullPath(settings.Workspace), "models", settings.Model!);
        return Directory.Exists(named) ? named : null;
    }
}
