// Export of workspace records to files, by split and format.
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Core.Export;

/// <summary>Exports the records of a workspace (all, or one split) to a file.</summary>
public static class RecordExporter
{
    /// <summary>The writer for <paramref name="format"/>.</summary>
    public static IRecordWriter WriterFor(ExportFormat format) => format switch
    {
        ExportFormat.Jsonl => new JsonlRecordWriter(),
        ExportFormat.Csv => new CsvRecordWriter(),
        ExportFormat.Parquet => new ParquetRecordWriter(),
        ExportFormat.HfChat => new HfChatRecordWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };

    /// <summary>File extension used for <paramref name="format"/>.</summary>
    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Csv => ".csv",
        ExportFormat.Parquet => ".parquet",
        ExportFormat.HfChat => ".chat.jsonl",
        _ => ".jsonl",
    };

    /// <summary>
    /// Writes the records of <paramref name="split"/> (null = all) to <paramref name="path"/>, through a
    /// temporary file so a failed export never leaves a half-written file in place. Returns the count.
    /// </summary>
    public static int ExportFile(Workspace workspace, ExportFormat format, RecordSplit? split, string path, CancellationToken ct = default)
    {
        var store = new RecordStore(workspace);
        var records = split is { } s ? store.ReadSplit(s) : store.Read();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + ".tmp";
        int n;
        using (var f = File.Create(tmp))
        {
            n = WriterFor(format).Write(records, f, ct);
        }

        File.Move(tmp, full, overwrite: true);
        return n;
    }
}
