// Reads question/answer/category triples from the AraMed sample CSV (RFC 4180 subset: quotes, doubled quotes, newlines in quotes).
using System.Text;

namespace Shifa.Bench.Text;

internal static class SampleRows
{
    public static List<(string Question, string Answer, string Category)> Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = records[0];
        int Col(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{path}: no column '{name}'.");
        var (title, description, answer, category) = (Col("Question title"), Col("Question description"), Col("Answer details 1"), Col("Question category"));
        return [.. records.Skip(1).Where(r => r.Count == header.Count).Select(r => (
            string.IsNullOrWhiteSpace(r[description]) ? r[title] : r[description], r[answer], r[category].Trim()))];
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
