using System.Text.Json;
using Shifa.Core.Ingest;
using Shifa.Core.Storage;

namespace Shifa.Cli.Tests.Pipeline;

/// <summary>The quickstart configuration over a reduced copy of the bundled sample, so an end-to-end run takes seconds.</summary>
internal static class ReducedQuickstart
{
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "samples", "aramed-sample.csv")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("samples/aramed-sample.csv not found above the test folder.");
    }

    /// <summary>Writes the first <paramref name="rows"/> rows of the bundled sample and a config using them; returns the config path.</summary>
    public static string Write(string dir, int rows = 160, bool train = true)
    {
        Directory.CreateDirectory(dir);
        // Read the bundled sample through Shifa's own ingest, then keep the first rows as JSONL.
        var scratch = Path.Combine(dir, "scratch");
        var ws = Workspace.Open(scratch);
        new RecordIngestor(ws).Ingest(Path.Combine(RepoRoot(), "samples", "aramed-sample.csv"));
        var lines = new RecordStore(ws).Read().Take(rows).Select(r => JsonSerializer.Serialize(new
        {
            question = r.Question, answer = r.Answer, specialty = r.Specialty, title = r.Title, gender = r.Gender, age = r.AgeYears,
        }));
        File.WriteAllLines(Path.Combine(dir, "seed.jsonl"), lines);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(scratch, recursive: true);

        var models = train ? """[ { "name": "tiny", "base": "shifa-tiny", "epochs": 1, "maxSteps": 12 } ]""" : "[]";
        var config = Path.Combine(dir, "config.json");
        File.WriteAllText(config, $$"""
            {
              "name": "reduced quickstart",
              "seed": { "path": "seed.jsonl", "source": "aramed", "licence": "MIT (c) 2022 Waadtss; text originally from Altibbi" },
              "split": { "seed": 13, "val": 0.1, "test": 0.1 },
              "synthesis": { "seed": 7, "providers": [ { "name": "offline", "count": 120, "pairsPerRequest": 4 } ] },
              "conditions": [ "original", "original+offline" ],
              "models": {{models}},
              "evaluation": { "metrics": [ "chrf", "rougeL" ], "systems": [ "retrieval" ], "maxItems": 8, "maxNewTokens": 16 }
            }
            """);
        return config;
    }
}
