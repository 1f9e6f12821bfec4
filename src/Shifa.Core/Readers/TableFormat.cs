namespace Shifa.Core.Readers;

/// <summary>File formats Shifa reads records from.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated values (RFC 4180).</summary>
    Csv,
    /// <summary>Tab-separated values (RFC 4180 quoting rules, tab delimiter).</summary>
    Tsv,
    /// <summary>One JSON object per line.</summary>
    JsonLines,
    /// <summary>Excel 2007+ workbook (first worksheet).</summary>
    Xlsx,
    /// <summary>Apache Parquet.</summary>
    Parquet,
}
