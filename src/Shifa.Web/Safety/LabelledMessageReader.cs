using System.Text;

namespace Shifa.Web.Safety;

/// <summary>
/// Reads labelled red-flag sets: UTF-8, tab-separated <c>label, category, dialect, text</c>, lines
/// starting with <c>#</c> are comments. A malformed line stops the read with the file, line and field.
/// </summary>
public static class LabelledMessageReader
{
    private static readonly Dictionary<string, RedFlagCategory> Keys = new(StringComparer.Ordinal)
    {
        ["cardiac"] = RedFlagCategory.Cardiac,
        ["stroke"] = RedFlagCategory.Stroke,
        ["bleeding"] = RedFlagCategory.SevereBleeding,
        ["breathing"] = RedFlagCategory.Breathing,
        ["poisoning"] = RedFlagCategory.Poisoning,
        ["selfharm"] = RedFlagCategory.SelfHarm,
        ["suicide"] = RedFlagCategory.SelfHarm,
        ["pregnancy"] = RedFlagCategory.Pregnancy,
        ["infant"] = RedFlagCategory.InfantFever,
        ["seizure"] = RedFlagCategory.Seizure,
        ["consciousness"] = RedFlagCategory.Unconscious,
        ["unconscious"] = RedFlagCategory.Unconscious,
        ["anaphylaxis"] = RedFlagCategory.Anaphylaxis,
        ["neuro"] = RedFlagCategory.Neurological,
        ["meningitis"] = RedFlagCategory.Neurological,
        ["diabetic"] = RedFlagCategory.DiabeticEmergency,
        ["trauma"] = RedFlagCategory.SevereInjury,
        ["burn"] = RedFlagCategory.SevereInjury,
        ["abdominal"] = RedFlagCategory.AcuteAbdomen,
        ["sepsis"] = RedFlagCategory.Sepsis,
    };

    /// <summary>The category keys an urgent message may carry, with the category each names.</summary>
    public static IReadOnlyDictionary<string, RedFlagCategory> CategoryKeys => Keys;

    /// <summary>Reads one set from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the file, line and field.</exception>
    public static List<LabelledMessage> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads one set from <paramref name="reader"/>; <paramref name="name"/> names it in errors and in <see cref="LabelledMessage.Source"/>.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the set, line and field.</exception>
    public static List<LabelledMessage> Read(TextReader reader, string name)
    {
        var messages = new List<LabelledMessage>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 4)
            {
                throw new InvalidDataException($"{name} line {lineNo}: expected 4 tab-separated fields (label, category, dialect, text), found {f.Length}.");
            }

            if (f[0] is not ("0" or "1"))
            {
                throw new InvalidDataException($"{name} line {lineNo}, field 'label': expected 0 or 1, found '{f[0]}'.");
            }

            var urgent = f[0] == "1";
            RedFlagCategory? category = null;
            if (urgent)
            {
                if (!Keys.TryGetValue(f[1], out var c))
                {
                    throw new InvalidDataException($"{name} line {lineNo}, field 'category': '{f[1]}' is not an emergency category ({string.Join(", ", Keys.Keys)}).");
                }

                category = c;
            }

            if (f[2].Length == 0)
            {
                throw new InvalidDataException($"{name} line {lineNo}, field 'dialect': empty.");
            }

            if (string.IsNullOrWhiteSpace(f[3]))
            {
                throw new InvalidDataException($"{name} line {lineNo}, field 'text': empty.");
            }

            messages.Add(new LabelledMessage(urgent, f[1], category, f[2], f[3], $"{name}:{lineNo}"));
        }

        return messages;
    }
}
