// Writes a DatasetProfile as profile.json and a Markdown summary next to the charts.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shifa.Core.Profiling;

/// <summary>Serialises <see cref="DatasetProfile"/> to JSON and Markdown.</summary>
public static class ProfileReport
{
    /// <summary>The JSON settings of <c>profile.json</c>: camelCase, enums as strings, indented, Arabic unescaped.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The profile as JSON.</summary>
    public static string ToJson(DatasetProfile profile) => JsonSerializer.Serialize(profile, JsonOptions);

    /// <summary>Reads a profile written by <see cref="ToJson"/>; names the file when it is not a profile of a known schema version.</summary>
    public static DatasetProfile ReadJson(string path)
    {
        var profile = JsonSerializer.Deserialize<DatasetProfile>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: empty profile.");
        if (profile.SchemaVersion > DatasetProfile.CurrentSchemaVersion)
        {
            throw new InvalidDataException($"{path}: profile schema version {profile.SchemaVersion} is newer than this Shifa build reads ({DatasetProfile.CurrentSchemaVersion}); re-run `shifa profile`.");
        }

        return profile;
    }

    /// <summary>A Markdown summary that links the charts in <paramref name="chartFiles"/> (file names relative to the Markdown file).</summary>
    public static string ToMarkdown(DatasetProfile p, IReadOnlyList<string> chartFiles)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Dataset profile").AppendLine();
        sb.AppendLine(c, $"{p.RecordCount} records, generated {p.GeneratedAt:yyyy-MM-dd HH:mm} UTC (schema {p.SchemaVersion}).").AppendLine();
        sb.AppendLine("| kind | records |").AppendLine("|---|---:|");
        foreach (var (k, v) in p.Kinds)
        {
            sb.AppendLine(c, $"| {k} | {v} |");
        }

        sb.AppendLine().AppendLine(c, $"## Specialties ({p.Specialties.Count})").AppendLine();
        sb.AppendLine("| key | label | records | share |").AppendLine("|---|---|---:|---:|");
        foreach (var s in p.Specialties)
        {
            sb.AppendLine(c, $"| {Cell(s.Key)} | {Cell(s.Label)} | {s.Count} | {s.Share:P1} |");
        }

        sb.AppendLine().AppendLine("## Lengths").AppendLine();
        sb.AppendLine("| field | unit | min | p50 | p90 | max | mean |").AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (field, unit, d) in new[]
                 {
                     ("question", "chars", p.QuestionLength.Chars), ("question", "words", p.QuestionLength.Words),
                     ("answer", "chars", p.AnswerLength.Chars), ("answer", "words", p.AnswerLength.Words),
                 })
        {
            sb.AppendLine(c, $"| {field} | {unit} | {d.Min} | {d.P50} | {d.P90} | {d.Max} | {d.Mean:0.#} |");
        }

        sb.AppendLine().AppendLine("## Dialect mix (estimated from questions unless stored)").AppendLine();
        sb.AppendLine("| dialect | records |").AppendLine("|---|---:|");
        foreach (var (d, v) in p.Dialects)
        {
            sb.AppendLine(c, $"| {d} | {v} |");
        }

        sb.AppendLine().AppendLine("## Text").AppendLine();
        sb.AppendLine(c, $"- Arabic-letter share: questions mean {p.QuestionArabicRatio.Mean:P1} (median {p.QuestionArabicRatio.P50:P0}), answers mean {p.AnswerArabicRatio.Mean:P1}.");
        sb.AppendLine(c, $"- Exact duplicates after matching normalisation: questions {p.Duplicates.QuestionDuplicateRate:P2} ({p.Duplicates.DistinctQuestions} distinct), question+answer pairs {p.Duplicates.PairDuplicateRate:P2} ({p.Duplicates.DistinctPairs} distinct).");
        var hits = string.Join(", ", p.Pii.HitsByKind.Select(kv => $"{kv.Key} {kv.Value}"));
        sb.AppendLine(c, $"- Personal information found in {p.Pii.RecordsWithPii} records: {hits}.");
        sb.AppendLine().AppendLine("## Charts").AppendLine();
        foreach (var f in chartFiles)
        {
            sb.AppendLine(c, $"![{Path.GetFileNameWithoutExtension(f)}]({f})");
        }

        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
