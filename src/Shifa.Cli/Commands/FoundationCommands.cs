using Shifa.Cli.Commands.Foundation;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the foundation commands.</summary>
internal static class FoundationCommands
{
    public static IConfigurator AddFoundationCommands(this IConfigurator config)
    {
        config.AddCommand<IngestCommand>("ingest")
            .WithDescription("Read a CSV, TSV, JSONL, XLSX or Parquet file of questions and answers into the workspace.")
            .WithExample("ingest", "data.csv", "--workspace", "ws")
            .WithExample("ingest", "export.csv", "--workspace", "ws", "--encoding", "windows-1256", "--map", "question=q,answer=a");
        config.AddCommand<SplitCommand>("split")
            .WithDescription("Assign deterministic train/val/test splits, stratified by specialty; test holds only real records.")
            .WithExample("split", "--workspace", "ws", "--seed", "13");
        config.AddBranch("export", export =>
        {
            export.SetDescription("Export records (all or one split) as jsonl, csv, parquet or hf-chat; 'export gguf' and 'export trainer' hand models and data to other tools.");
            export.SetDefaultCommand<ExportCommand>();
            export.AddInteropExports();
        });
        return config;
    }
}
