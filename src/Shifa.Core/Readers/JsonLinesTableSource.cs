// JSON Lines: one object per line. Columns are the union of keys, in order of first appearance.
using System.Text.Json;

namespace Shifa.Core.Readers;

/// <summary>Reads a JSONL file; a line that is not a JSON object becomes a row with a problem, not an abort.</summary>
public sealed class JsonLinesTableSource : ITableSource
{
    private const int RawLimit = 2000;
    private readonly string _path;
    private readonly DetectedEncoding _encoding;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Opens <paramref name="path"/> and collects its keys (a first pass over the file).</summary>
    public JsonLinesTableSource(string path, DetectedEncoding encoding)
    {
        _path = path;
        _encoding = encoding;
        var columns = new List<string>();
        foreach (var (_, text) in Lines())
        {
            if (TryParseObject(text, out var doc, out _) && doc is not null)
            {
                using (doc)
                {
                    foreach (var p in doc.RootElement.EnumerateObject())
                    {
                        if (_index.TryAdd(p.Name, columns.Count))
                        {
                            columns.Add(p.Name);
                        }
                    }
                }
            }
        }

        Columns = columns;
    }

    /// <inheritdoc />
    public TableFormat Format => TableFormat.JsonLines;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public string LocatorKind => "line";

    /// <inheritdoc />
    public string EncodingName => _encoding.Name;

    /// <inheritdoc />
    public IEnumerable<SourceRow> Rows(CancellationToken ct = default)
    {
        foreach (var (line, text) in Lines())
        {
            ct.ThrowIfCancellationRequested();
            if (!TryParseObject(text, out var doc, out var problem) || doc is null)
            {
                yield return new SourceRow(line, [], problem, null, text.Length > RawLimit ? text[..RawLimit] : text);
                continue;
            }

            using (doc)
            {
                var values = new string?[Columns.Count];
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    values[_index[p.Name]] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => p.Value.GetRawText(),
                    };
                }

                yield return new SourceRow(line, values);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private IEnumerable<(long Line, string Text)> Lines()
    {
        using var stream = File.OpenRead(_path);
        stream.Position = _encoding.PreambleLength;
        using var reader = new StreamReader(stream, _encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return (line, text);
            }
        }
    }

    private static bool TryParseObject(string text, out JsonDocument? doc, out string? problem)
    {
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            doc = null;
            problem = $"line is not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')})";
            return false;
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            problem = $"line is a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, expected an object";
            doc.Dispose();
            doc = null;
            return false;
        }

        problem = null;
        return true;
    }
}
