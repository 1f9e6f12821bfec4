using Shifa.Core.Readers;

namespace Shifa.Core.Ingest;

/// <summary>Options of one ingest run.</summary>
public sealed record IngestOptions
{
    private readonly int _maxFieldChars = 200_000;
    private readonly int _batchSize = 2_000;

    /// <summary>Source dataset name recorded in provenance and hashed into record ids; defaults to the layout's or the file name.</summary>
    public string? Source { get; init; }

    /// <summary>Licence recorded in provenance; defaults to the layout's, if any.</summary>
    public string? Licence { get; init; }

    /// <summary>How to decode text formats.</summary>
    public EncodingChoice Encoding { get; init; } = EncodingChoice.Auto;

    /// <summary>Explicit column map; fields it leaves unset come from the recognised layout.</summary>
    public ColumnMap? Map { get; init; }

    /// <summary>Longest accepted question/answer/title, in characters; longer rows are rejected, not truncated.</summary>
    public int MaxFieldChars
    {
        get => _maxFieldChars;
        init => _maxFieldChars = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFieldChars), value, "must be positive");
    }

    /// <summary>Rows per database transaction.</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "must be positive");
    }

    /// <summary>
    /// Replace personal information (doctor signatures, phones, e-mails, URLs, self-disclosed names, id
    /// numbers) in question, answer and title with typed placeholders before storing.
    /// </summary>
    public bool ScrubPii { get; init; }

    /// <summary>Clock for provenance timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
