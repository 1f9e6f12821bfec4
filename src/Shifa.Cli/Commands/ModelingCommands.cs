using Shifa.Cli.Commands.Modeling;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the modeling commands.</summary>
internal static class ModelingCommands
{
    public static IConfigurator AddModelingCommands(this IConfigurator config)
    {
        config.AddCommand<GenerateCommand>("generate")
            .WithDescription("Answer a question with a local model folder (Hugging Face layout), streaming the answer.")
            .WithExample("generate", "--model", "ws/models/tiny", "ما علاج الصداع؟")
            .WithExample("generate", "--workspace", "ws", "--model", "tiny", "--adapter", "ws/models/tiny-lora", "--temperature", "0.7", "ما علاج الصداع؟");
        config.AddCommand<TrainCommand>("train").WithDescription("Train a model (preset shifa-tiny/shifa-small or a model folder, optionally LoRA) on the workspace's train split into models/<name>/.").WithExample("train", "--workspace", "ws", "--base", "shifa-tiny");
        return config;
    }
}
