// Parquet through Parquet.Net's untyped deserialiser: every column becomes text.
using System.Globalization;
using Parquet.Serialization;

namespace Shifa.Core.Readers;

/// <summary>Reads a Parquet file's flat columns; nested values are rendered as their text form.</summary>
public sealed class ParquetTableSource : ITableSource
{
    private readonly IReadOnlyList<Dictionary<string, object?>> _data;
    private readonly string[] _names;

    /// <summary>Opens and reads <paramref name="path"/>.</summary>
    public ParquetTableSource(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var result = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
            Columns = HeaderNames.MakeUnique(result.Schema.Fields.Select(f => f.Name));
            _data = result.Data.Select(d => d.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)).ToList();
            _names = result.Schema.Fields.Select(f => f.Name).ToArray();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TableReadException($"'{path}' could not be read as Parquet: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public TableFormat Format => TableFormat.Parquet;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public string LocatorKind => "record";

    /// <inheritdoc />
    public string EncodingName => "binary";

    /// <inheritdoc />
    public IEnumerable<SourceRow> Rows(CancellationToken ct = default)
    {
        for (var i = 0; i < _data.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var values = new string?[_names.Length];
            for (var c = 0; c < _names.Length; c++)
            {
                values[c] = _data[i].TryGetValue(_names[c], out var v) ? AsText(v) : null;
            }

            yield return new SourceRow(i + 1, values);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
