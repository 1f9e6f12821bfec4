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
        return config;
    }
}
