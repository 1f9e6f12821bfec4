using Shifa.Core.Pii;
using Xunit.Abstractions;

namespace Shifa.Core.Tests.Pii;

/// <summary>
/// Runs the scrubber over the real AraMed sample (read from the shared data folder, never copied
/// into the repository) and checks that the doctor names of its name columns cannot survive.
/// </summary>
public sealed class AraMedSignatureTests(ITestOutputHelper output)
{
    private static readonly string[] NameColumns = ["Name of doctor 1", "Name of doctor WA"];
    private static readonly string[] TextColumns = ["Question title", "Question description", "Answer details 1", "Wrong Answer"];

    internal static string SamplePath()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SHIFA_ARAMED_CSV");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "aramed", "Sample_AraMed.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Sample_AraMed.csv not found in any shared/data/aramed above the test folder; set SHIFA_ARAMED_CSV to its path.");
    }

    private static List<Dictionary<string, string>> ReadRows()
    {
        return SampleCsv.Read(SamplePath());
    }

    private static IEnumerable<string> DoctorNames(List<Dictionary<string, string>> rows) =>
        rows.SelectMany(r => NameColumns.Select(c => r[c].Trim()))
            .Where(n => n.Length > 0 && n != "طاقم الطبي") // "medical staff": a team label, not a person
            .Distinct();

    // The name without its title words, e.g. "مروان السمهوري" from "الدكتور مروان السمهوري".
    private static string NamePart(string value)
    {
        string[] titles = ["الدكتورة", "الدكتور", "د.", "الصيدلانية", "الصيدلاني", "البروفيسور", "أخصائي", "تغذية", "استشاري"];
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => titles.Contains(w));
        return string.Join(' ', words);
    }

    [Fact]
    public void No_doctor_name_survives_in_scrubbed_question_or_answer_text()
    {
        var rows = ReadRows();
        Assert.Equal(400, rows.Count);
        var names = DoctorNames(rows).Select(NamePart).Where(n => n.Length > 0).ToList();
        var doctorHits = 0;
        foreach (var row in rows)
        {
            foreach (var column in TextColumns)
            {
                var r = PiiScrubber.Scrub(row[column]);
                doctorHits += r.Counts.GetValueOrDefault(PiiKind.Doctor);
                foreach (var name in names)
                {
                    Assert.False(r.Text.Contains(name, StringComparison.Ordinal), $"'{column}' of a row still contains a doctor name after scrubbing");
                }
            }
        }

        output.WriteLine($"{names.Count} distinct doctor names; {doctorHits} doctor signatures/titles replaced in the sample text");
        Assert.True(doctorHits >= 3, "the sample text carries signatures such as 'د. …' in its answers");
    }

    [Fact]
    public void Every_doctor_name_value_is_caught_as_a_signature()
    {
        var rows = ReadRows();
        var answer = rows[0]["Answer details 1"].Trim();
        var missed = new List<string>();
        foreach (var value in DoctorNames(rows))
        {
            var name = NamePart(value);
            string[] placements =
            [
                value,
                answer + "\n" + value,
                answer + "\nمع تحياتي،\n" + value + "\nاستشارة طبية",
                "تحياتي " + value,
            ];
            foreach (var text in placements)
            {
                var scrubbed = PiiScrubber.Scrub(text).Text;
                if (scrubbed.Contains(name, StringComparison.Ordinal) || name.Split(' ').Any(w => w.Length > 2 && scrubbed.EndsWith(w, StringComparison.Ordinal)))
                {
                    missed.Add(text.Length > 80 ? "…" + text[^80..] : text);
                }
            }
        }

        foreach (var m in missed)
        {
            output.WriteLine("missed: " + m.Replace("\n", "⏎"));
        }

        Assert.Empty(missed);
    }
}
