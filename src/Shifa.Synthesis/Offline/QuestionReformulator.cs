// Reformulation frames per question type: greetings and closing requests patients add around the same content.
using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Offline;

/// <summary>
/// Wraps a seed question in an opener and a closing request that fit the item's question type. The
/// medical content of the question is kept as written, so the seed answer still answers it.
/// </summary>
public static class QuestionReformulator
{
    private static readonly string[] Openers =
    [
        "", "السلام عليكم، ", "مرحبا دكتور، ", "لو سمحت يا دكتور، ", "من فضلك أريد استشارة: ", "عندي سؤال: ",
    ];

    private static readonly Dictionary<QuestionType, string[]> Closers = new()
    {
        [QuestionType.Symptoms] = ["ماذا يعني هذا؟", "ما سبب هذه الأعراض؟", "هل هذا شيء خطير؟"],
        [QuestionType.Diagnosis] = ["ما التشخيص المحتمل؟", "هل أحتاج إلى فحوصات؟", "كيف أعرف ما عندي؟"],
        [QuestionType.Medication] = ["ما الدواء المناسب؟", "هل يوجد علاج لهذا؟", "ماذا آخذ من دواء؟"],
        [QuestionType.Lifestyle] = ["هل هناك نصائح في الأكل أو الرياضة؟", "ماذا أغير في حياتي اليومية؟"],
        [QuestionType.Pregnancy] = ["هل هذا يؤثر على الحمل؟", "هل هذا آمن أثناء الحمل والرضاعة؟"],
        [QuestionType.ChildHealth] = ["هل هذا طبيعي عند الأطفال؟", "متى أذهب به إلى الطبيب؟"],
        [QuestionType.TestResults] = ["ماذا تعني النتيجة؟", "هل أحتاج إلى إعادة التحليل؟"],
    };

    /// <summary>Reformulates <paramref name="question"/> for <paramref name="type"/>.</summary>
    public static string Apply(string question, QuestionType type, Random rng)
    {
        var opener = Openers[rng.Next(Openers.Length)];
        var closers = Closers[type];
        var closer = rng.Next(3) == 0 ? "" : " " + closers[rng.Next(closers.Length)];
        var body = question.Trim();
        if (body.Length > 0 && closer.Length > 0 && !(body[^1] is '؟' or '?' or '.' or '!' or '،'))
        {
            body += "،";
        }

        return opener + body + closer;
    }
}
