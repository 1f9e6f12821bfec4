using Shifa.Core.Hashing;
using Shifa.Core.Ingest;
using Shifa.Core.Readers;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>Reads the seed file into the workspace (idempotent: records are keyed by content).</summary>
internal sealed class IngestStage : IPipelineStage
{
    public string Key => "ingest";

    public IReadOnlyList<string> DependsOn => [];

    public string Describe(PipelineContext context) => $"ingest {Path.GetFileName(context.Config.Seed.Path)} as '{context.Config.Seed.Source}'";

    public string OwnInputHash(PipelineContext context) => ContentHash.OfFile(context.Config.Seed.Path);

    public string ConfigHash(PipelineContext context) => StageHash.Of(context.Config.Seed with { Path = Path.GetFileName(context.Config.Seed.Path) });

    public decimal EstimateCostUsd(PipelineContext context) => 0;

    public Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var result = new RecordIngestor(context.Workspace).Ingest(context.Config.Seed.Path, Options(context.Config.Seed), ct: cancellationToken);
        context.Log(result.Summary);
        if (result.Ingested + result.Duplicates == 0)
        {
            throw new InvalidOperationException($"Nothing usable was ingested from {result.Path}: {result.Summary}");
        }

        return Task.FromResult(StageHash.Outputs(new
        {
            result.RowsRead, result.Ingested, result.Rejected, result.Duplicates, result.Encoding, Format = result.Format.ToString(), result.Layout,
        }));
    }

    public static IngestOptions Options(Config.SeedConfig seed) => new()
    {
        Source = seed.Source,
        Licence = seed.Licence,
        Encoding = seed.Encoding switch
        {
            "utf-8" => EncodingChoice.Utf8,
            "windows-1256" => EncodingChoice.Windows1256,
            _ => EncodingChoice.Auto,
        },
        Map = seed.Map.Count == 0 ? null : new ColumnMap
        {
            Question = seed.Map.GetValueOrDefault("question"),
            Answer = seed.Map.GetValueOrDefault("answer"),
            Specialty = seed.Map.GetValueOrDefault("specialty"),
            Title = seed.Map.GetValueOrDefault("title"),
            Gender = seed.Map.GetValueOrDefault("gender"),
            Age = seed.Map.GetValueOrDefault("age"),
        },
    };
}
