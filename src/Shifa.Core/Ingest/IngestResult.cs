using Shifa.Core.Pii;
using Shifa.Core.Readers;

namespace Shifa.Core.Ingest;

/// <summary>What an ingest run did. <see cref="RowsRead"/> always equals <see cref="Ingested"/> + <see cref="Rejected"/> + <see cref="Duplicates"/>.</summary>
public sealed record IngestResult
{
    /// <summary>Id of the <c>ingest_runs</c> row.</summary>
    public required long RunId { get; init; }

    /// <summary>The input file.</summary>
    public required string Path { get; init; }

    /// <summary>Format read.</summary>
    public required TableFormat Format { get; init; }

    /// <summary>Text encoding used, or <c>binary</c>.</summary>
    public required string Encoding { get; init; }

    /// <summary>Recognised layout name, or null when the map was given in full.</summary>
    public string? Layout { get; init; }

    /// <summary>Source name recorded.</summary>
    public required string Source { get; init; }

    /// <summary>The column map used.</summary>
    public required ColumnMap Map { get; init; }

    /// <summary>What reject locators count: <c>line</c>, <c>row</c> or <c>record</c>.</summary>
    public required string LocatorKind { get; init; }

    /// <summary>Data rows read.</summary>
    public long RowsRead { get; init; }

    /// <summary>New records stored.</summary>
    public long Ingested { get; init; }

    /// <summary>Rows rejected (each listed in <see cref="Rejects"/> and <c>ingest_rejects</c>).</summary>
    public long Rejected { get; init; }

    /// <summary>Rows whose record id was already stored (earlier in the file or by an earlier run).</summary>
    public long Duplicates { get; init; }

    /// <summary>Personal-information replacements per kind when scrubbing was on (empty otherwise).</summary>
    public IReadOnlyDictionary<PiiKind, int> PiiReplaced { get; init; } = new Dictionary<PiiKind, int>();

    /// <summary>Every rejected row.</summary>
    public IReadOnlyList<IngestReject> Rejects { get; init; } = [];

    /// <summary>The one-line summary the CLI prints.</summary>
    public string Summary =>
        $"rows read {RowsRead} = ingested {Ingested} + rejected {Rejected} + duplicates {Duplicates}";
}
