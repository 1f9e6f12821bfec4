namespace Shifa.Core.Readers;

/// <summary>How the text encoding of a CSV, TSV or JSONL file is chosen.</summary>
public enum EncodingChoice
{
    /// <summary>UTF-8 when the bytes are valid UTF-8 (or mostly so), otherwise Windows-1256.</summary>
    Auto,
    /// <summary>UTF-8; rows with invalid byte sequences are rejected with their line numbers.</summary>
    Utf8,
    /// <summary>Windows-1256 (Arabic), the usual encoding of Arabic CSVs saved by Excel.</summary>
    Windows1256,
}
