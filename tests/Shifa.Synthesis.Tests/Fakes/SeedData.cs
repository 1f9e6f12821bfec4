// Seed workspaces for tests: real-looking Arabic records with a known specialty distribution.
using System.Globalization;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Synthesis.Storage;

namespace Shifa.Synthesis.Tests.Fakes;

public static class SeedData
{
    /// <summary>Specialty key → number of seed records (100 in all, skewed like real data).</summary>
    public static readonly IReadOnlyDictionary<string, int> Distribution = new Dictionary<string, int>
    {
        ["obgyn"] = 40, ["pediatrics"] = 25, ["dermatology"] = 20, ["internal"] = 10, ["dentistry"] = 5,
    };

    private static readonly string[] Questions =
    [
        "عندي صُداع شديد من أسبوع ومعاه دوخة، هل ده خطير؟",
        "ابني عمره ٣ سنين وحرارته ٣٩ درجة، ماذا أفعل؟",
        "أعاني من حكة في الجلد بعد استخدام كريم جديد 😟 ما الحل؟",
        "أنا حامل في الشهر الخامس وعندي ألم أسفل الظهر، هل هذا طبيعي؟",
        "ســـؤال: هل يمكن أخذ البنادول مع المضاد الحيوي؟",
        "بدي اعرف شو سبب الم الاسنان بالليل؟",
        "نتيجة تحليل الهيموجلوبين 9.5 g/dL، هل أحتاج إلى حديد؟",
    ];

    public static List<QaRecord> Records(int scale = 1)
    {
        var list = new List<QaRecord>();
        var n = 0;
        foreach (var (key, count) in Distribution)
        {
            for (var i = 0; i < count * scale; i++, n++)
            {
                var q = Questions[n % Questions.Length] + " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
                var a = "ننصح بمراجعة الطبيب لإجراء الفحص السريري، وشرب السوائل والراحة؛ وإذا ظهرت أعراض شديدة فتوجه إلى الطوارئ فوراً.";
                list.Add(new QaRecord
                {
                    Id = ContentHash.Short(32, "seed", q, a),
                    Question = q,
                    Answer = a,
                    Specialty = key,
                    SpecialtyKey = key,
                    Gender = key == "obgyn" ? "female" : n % 3 == 0 ? "male" : n % 3 == 1 ? "female" : null,
                    AgeYears = key == "pediatrics" ? 2 + n % 10 : 20 + n % 40,
                    Split = n % 10 == 9 ? RecordSplit.Test : RecordSplit.Train,
                    Provenance = Provenance.RealData("aramed-test", DateTimeOffset.UnixEpoch, "MIT"),
                });
            }
        }

        return list;
    }

    public static SynthesisStore Workspace(string dir, int scale = 1)
    {
        var ws = Core.Storage.Workspace.Open(dir, SynthesisSchema.Instance);
        new RecordStore(ws).Insert(Records(scale));
        return new SynthesisStore(ws);
    }
}
