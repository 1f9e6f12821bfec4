// A workspace with a real seed (train + test), good synthetic records and one bad synthetic record per rule.
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Curation.Tests.Fixtures;

internal static class MixedWorkspace
{
    /// <summary>Bad synthetic records with the stage expected to drop each first.</summary>
    public static readonly (string Id, string Stage, string Question, string Answer)[] Bad =
    [
        ("bad-short", "schema", "عندي صداع، ما الحل؟", "راحة."),
        ("bad-english", "arabic-script", "I have a headache every morning, what should I do?", "You should drink more water and sleep well, and see a doctor if it persists."),
        ("bad-latin-run", "foreign-language", "عندي ألم في المعدة بعد الأكل، فما السبب؟", "قد يكون السبب التهاب المعدة أو القولون العصبي، وأنصحك بتجنب الأكل الحار والقهوة وتناول وجبات صغيرة متكررة خلال اليوم. Please consult your doctor for diagnosis."),
        ("bad-loop", "degenerate", "ما علاج نزلة البرد عند الكبار؟", "اشرب السوائل الدافئة واشرب السوائل الدافئة واشرب السوائل الدافئة واشرب السوائل الدافئة واشرب السوائل الدافئة واشرب السوائل الدافئة."),
        ("bad-refusal", "meta-text", "ما الجرعة المناسبة من الباراسيتامول لطفل عمره ٣ سنوات؟", "كنموذج لغوي، لا أستطيع تقديم جرعات دوائية، يرجى مراجعة الطبيب أو الصيدلي للحصول على الجرعة المناسبة."),
        ("bad-markdown", "meta-text", "ما هي أعراض فقر الدم الشائعة؟", "**أعراض فقر الدم:**\n- التعب والإرهاق المستمر\n- شحوب الجلد والدوخة عند الوقوف"),
        ("bad-pii", "pii", "عندي ألم في الأسنان منذ أسبوع، أين أراجع؟", "راجع عيادتنا أو اتصل على الرقم 0501234567 أو راسلنا على clinic@example.com لحجز موعد مع طبيب الأسنان."),
        ("bad-restate", "restatement", "هل يمكن أن يسبب التوتر النفسي ألماً في المعدة وحرقة مستمرة؟", "هل يمكن أن يسبب التوتر النفسي ألماً في المعدة وحرقة مستمرة؟ نعم."),
    ];

    public static void Fill(Workspace ws)
    {
        var pairs = ArabicQa.Pairs;
        var records = new List<QaRecord>();
        for (var i = 0; i < pairs.Length; i++)
        {
            records.Add(TestWorkspace.Real($"real-{i:00}", pairs[i].Question, pairs[i].Answer, pairs[i].Specialty, i % 6 == 5 ? RecordSplit.Test : RecordSplit.Train));
        }

        var order = 0;
        foreach (var p in Paraphrases.Pairs)
        {
            records.Add(TestWorkspace.Synthetic($"good-{p.Of:00}", p.Question, p.Answer, pairs[p.Of].Specialty, order % 2 == 0 ? "openai" : "gemini", order++));
        }

        foreach (var b in Bad)
        {
            records.Add(TestWorkspace.Synthetic(b.Id, b.Question, b.Answer, "باطنية", "offline", order++));
        }

        // Copies: of a seed record, of a test record, and of another synthetic record.
        records.Add(TestWorkspace.Synthetic("copy-seed", pairs[2].Question, pairs[2].Answer, pairs[2].Specialty, "openai", order++));
        records.Add(TestWorkspace.Synthetic("copy-test", Variants.LightEdit(pairs[5].Question, 1), Variants.LightEdit(pairs[5].Answer, 2), pairs[5].Specialty, "openai", order++));
        var g = Paraphrases.Pairs[0];
        records.Add(TestWorkspace.Synthetic("copy-synthetic", Variants.Orthographic(g.Question, 3), Variants.Orthographic(g.Answer, 4), pairs[g.Of].Specialty, "gemini", order++));
        new RecordStore(ws).Insert(records);
    }
}
