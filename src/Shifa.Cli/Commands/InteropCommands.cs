using Shifa.Cli.Commands.Interop;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the commands that hand Shifa models to other runtimes.</summary>
internal static class InteropCommands
{
    public static IConfigurator AddInteropCommands(this IConfigurator config)
    {
        config.AddBranch("export", export =>
        {
            export.SetDescription("Write Shifa models in other runtimes' formats.");
            export.AddCommand<ExportGgufCommand>("gguf")
                .WithDescription("Export a LLaMA-layout model folder (LoRA adapter optionally merged) as GGUF for llama.cpp, Ollama, LM Studio, LLamaSharp.")
                .WithExample("export", "gguf", "--model", "ws/models/tiny", "--type", "q8_0");
        });
        return config;
    }
}
