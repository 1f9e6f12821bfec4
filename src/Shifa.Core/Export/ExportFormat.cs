namespace Shifa.Core.Export;

/// <summary>Formats records can be exported to.</summary>
public enum ExportFormat
{
    /// <summary>One JSON object per record with every field and the provenance.</summary>
    Jsonl,
    /// <summary>RFC 4180 CSV (UTF-8 with BOM so spreadsheet programs read Arabic), same columns as JSONL.</summary>
    Csv,
    /// <summary>Apache Parquet, same columns as JSONL.</summary>
    Parquet,
    /// <summary>Hugging Face chat format: <c>{"messages":[{"role":"user",...},{"role":"assistant",...}]}</c> per line.</summary>
    HfChat,
}
