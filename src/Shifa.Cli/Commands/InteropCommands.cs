using Shifa.Cli.Commands.Interop;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the commands that hand Shifa models to other runtimes.</summary>
internal static class InteropCommands
{
    public static IConfigurator AddInteropCommands(this IConfigurator config)
    {
        config.AddBranch("import", import =>
        {
            import.SetDescription("Bring work done with other tools back into Shifa.");
            import.AddCommand<ImportAdapterCommand>("adapter")
                .WithDescription("Load a PEFT LoRA adapter onto its base model and write the merged model folder.")
                .WithExample("import", "adapter", "--workspace", "ws", "--model", "tiny", "--adapter", "output/checkpoint-100");
        });
        return config;
    }

    /// <summary>Adds <c>export gguf</c> and <c>export trainer</c> under the dataset <c>export</c> command's branch.</summary>
    public static IConfigurator<CommandSettings> AddInteropExports(this IConfigurator<CommandSettings> export)
    {
        export.AddCommand<ExportGgufCommand>("gguf")
            .WithDescription("Export a LLaMA- or GPT-2-layout model folder (LoRA adapter optionally merged) as GGUF for llama.cpp, Ollama, LM Studio, LLamaSharp.")
            .WithExample("export", "gguf", "--model", "ws/models/tiny", "--type", "q8_0");
        export.AddCommand<ExportTrainerCommand>("trainer")
            .WithDescription("Write the curated splits in chat format with a ready TRL (accelerate/DeepSpeed) or Axolotl config.")
            .WithExample("export", "trainer", "--workspace", "ws", "--format", "axolotl", "--out", "bundle");
        return export;
    }
}
