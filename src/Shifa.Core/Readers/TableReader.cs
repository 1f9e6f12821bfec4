// Entry point of the readers: picks the format from the file name and opens the matching source.
namespace Shifa.Core.Readers;

/// <summary>Opens input files of any supported format as an <see cref="ITableSource"/>.</summary>
public static class TableReader
{
    private static readonly Dictionary<string, TableFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = TableFormat.Csv,
        [".tsv"] = TableFormat.Tsv,
        [".tab"] = TableFormat.Tsv,
        [".jsonl"] = TableFormat.JsonLines,
        [".ndjson"] = TableFormat.JsonLines,
        [".xlsx"] = TableFormat.Xlsx,
        [".xlsm"] = TableFormat.Xlsx,
        [".xls"] = TableFormat.Xlsx,
        [".parquet"] = TableFormat.Parquet,
    };

    /// <summary>The file extensions recognised, for messages and help text.</summary>
    public static IReadOnlyCollection<string> SupportedExtensions => Extensions.Keys;

    /// <summary>The format implied by <paramref name="path"/>'s extension.</summary>
    /// <exception cref="TableReadException">The extension is not one Shifa reads.</exception>
    public static TableFormat FormatOf(string path)
    {
        var ext = Path.GetExtension(path);
        return Extensions.TryGetValue(ext, out var f)
            ? f
            : throw new TableReadException(
                $"'{path}': unsupported format '{(ext.Length == 0 ? "(no extension)" : ext)}'. Shifa reads {string.Join(", ", Extensions.Keys)}.");
    }

    /// <summary>Opens <paramref name="path"/>, detecting format and (for text formats) encoding.</summary>
    /// <exception cref="TableReadException">The file is missing, unreadable, empty or of an unsupported format.</exception>
    public static ITableSource Open(string path, EncodingChoice encoding = EncodingChoice.Auto)
    {
        if (Directory.Exists(path))
        {
            throw new TableReadException($"'{path}' is a folder; pass a file ({string.Join(", ", Extensions.Keys)}).");
        }

        if (!File.Exists(path))
        {
            throw new TableReadException($"'{path}' does not exist.");
        }

        var format = FormatOf(path);
        try
        {
            return format switch
            {
                TableFormat.Csv or TableFormat.Tsv => new DelimitedTableSource(path, format, TextEncodingDetector.Detect(path, encoding)),
                TableFormat.JsonLines => new JsonLinesTableSource(path, TextEncodingDetector.Detect(path, encoding)),
                TableFormat.Xlsx => new XlsxTableSource(path),
                _ => new ParquetTableSource(path),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TableReadException($"'{path}' could not be read: {e.Message}", e);
        }
    }
}
