// CSV and TSV through CsvHelper's RFC 4180 reader: quoted newlines, doubled quotes, BOM, CRLF.
using System.Text;
using CsvHelper;

namespace Shifa.Core.Readers;

/// <summary>Reads a delimited text file whose first record is the header.</summary>
public sealed class DelimitedTableSource : ITableSource
{
    private const int RawLimit = 2000;
    private readonly CsvReader _csv;

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    public DelimitedTableSource(string path, TableFormat format, DetectedEncoding encoding)
    {
        Format = format;
        EncodingName = encoding.Name;
        var stream = File.OpenRead(path);
        stream.Position = encoding.PreambleLength;

        // Decoding here (not inside CsvHelper) keeps invalid UTF-8 visible as the marker character
        // and lets Windows-1256 files through the same path.
        var reader = new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var options = new CsvReaderOptions
        {
            Separator = format == TableFormat.Tsv ? '\t' : ',',
            Mode = CsvMode.Rfc4180,
            HasHeader = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        _csv = CsvReader.Create(reader, options, leaveOpen: false);
        try
        {
            var headers = _csv.Headers;
            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
            {
                throw new TableReadException($"'{path}' is empty: expected a header row naming the columns.");
            }

            Columns = HeaderNames.MakeUnique(headers);
        }
        catch
        {
            _csv.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public TableFormat Format { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public string LocatorKind => "line";

    /// <inheritdoc />
    public string EncodingName { get; }

    /// <inheritdoc />
    public IEnumerable<SourceRow> Rows(CancellationToken ct = default)
    {
        while (_csv.Read())
        {
            ct.ThrowIfCancellationRequested();
            var fields = new string?[_csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _csv.GetString(i);
            }

            var line = _csv.LineNumber;
            if (fields.Length != Columns.Count)
            {
                var raw = Encoding.UTF8.GetString(_csv.RawRecord);
                yield return new SourceRow(line, fields, $"row has {fields.Length} fields, the header has {Columns.Count}", null,
                    raw.Length > RawLimit ? raw[..RawLimit] : raw);
                continue;
            }

            yield return new SourceRow(line, fields);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}
