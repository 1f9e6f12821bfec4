// XLSX (and legacy XLS) through ExcelDataReader: first worksheet, header row found past any merged banner.
using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Shifa.Core.Readers;

/// <summary>
/// Reads the first worksheet of a workbook. Merged header cells lend their text to every column they
/// cover (made unique as <c>Answer</c>, <c>Answer (2)</c>); a leading title row that is one merged cell
/// across several columns is skipped as a banner.
/// </summary>
public sealed class XlsxTableSource : ITableSource
{
    private readonly List<(long Row, string?[] Values)> _rows = [];

    /// <summary>Opens and reads <paramref name="path"/>.</summary>
    public XlsxTableSource(string path)
    {
        // ExcelDataReader decodes legacy strings through code pages, which .NET only offers once registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        CellRange[] merges;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            merges = reader.MergeCells ?? [];
            long row = 0;
            while (reader.Read())
            {
                row++;
                var values = new string?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = AsText(reader.GetValue(i));
                }

                if (values.Any(v => !string.IsNullOrWhiteSpace(v)))
                {
                    _rows.Add((row, values));
                }
            }

            merges = reader.MergeCells ?? merges;
        }
        catch (Exception e) when (e is not TableReadException and not OperationCanceledException)
        {
            throw new TableReadException($"'{path}' could not be read as an Excel workbook: {e.Message}", e);
        }

        var headerAt = FindHeader(merges);
        if (headerAt < 0)
        {
            throw new TableReadException($"'{path}' has no header row: its first worksheet is empty.");
        }

        var (headerRow, header) = _rows[headerAt];
        var cells = (string?[])header.Clone();
        var dataFrom = headerRow + 1;
        foreach (var m in merges.Where(m => m.FromRow <= headerRow - 1 && m.ToRow >= headerRow - 1))
        {
            var owner = Cell(m.FromRow + 1, m.FromColumn);
            for (var c = m.FromColumn; c <= m.ToColumn && c < cells.Length; c++)
            {
                cells[c] = string.IsNullOrWhiteSpace(cells[c]) ? owner : cells[c];
            }

            dataFrom = Math.Max(dataFrom, m.ToRow + 2);
        }

        Columns = HeaderNames.MakeUnique(cells);
        _rows.RemoveAll(r => r.Row < dataFrom);
    }

    /// <inheritdoc />
    public TableFormat Format => TableFormat.Xlsx;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public string LocatorKind => "row";

    /// <inheritdoc />
    public string EncodingName => "binary";

    /// <inheritdoc />
    public IEnumerable<SourceRow> Rows(CancellationToken ct = default)
    {
        foreach (var (row, values) in _rows)
        {
            ct.ThrowIfCancellationRequested();
            var aligned = new string?[Columns.Count];
            Array.Copy(values, aligned, Math.Min(values.Length, aligned.Length));
            var extra = values.Skip(aligned.Length).Count(v => !string.IsNullOrWhiteSpace(v));
            yield return extra > 0
                ? new SourceRow(row, values, $"row has {extra} value(s) beyond the {Columns.Count} header columns")
                : new SourceRow(row, aligned);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private int FindHeader(CellRange[] merges)
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            var (row, values) = _rows[i];
            var filled = values.Select((v, c) => (v, c)).Where(x => !string.IsNullOrWhiteSpace(x.v)).ToList();
            var banner = filled.Count == 1 && i + 1 < _rows.Count && merges.Any(m =>
                m.FromRow == row - 1 && m.FromColumn == filled[0].c && m.ToColumn > m.FromColumn);
            if (!banner)
            {
                return i;
            }
        }

        return -1;
    }

    private string? Cell(long row1, int column) =>
        _rows.FirstOrDefault(r => r.Row == row1).Values is { } v && column < v.Length ? v[column] : null;

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
