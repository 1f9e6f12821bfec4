// Arabic names of the plan's parameters, as they appear in prompts.
using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Prompts;

internal static class ArabicLabels
{
    public static string QuestionType(QuestionType t) => t switch
    {
        Planning.QuestionType.Symptoms => "وصف أعراض والسؤال عن سببها",
        Planning.QuestionType.Diagnosis => "السؤال عن التشخيص",
        Planning.QuestionType.Medication => "السؤال عن دواء أو جرعة أو آثار جانبية",
        Planning.QuestionType.Lifestyle => "السؤال عن نمط الحياة والتغذية والرياضة",
        Planning.QuestionType.Pregnancy => "السؤال عن الحمل أو الخصوبة أو الرضاعة",
        Planning.QuestionType.ChildHealth => "سؤال أحد الوالدين عن صحة طفله",
        Planning.QuestionType.TestResults => "السؤال عن معنى نتيجة تحليل أو أشعة",
        _ => t.ToString(),
    };

    public static string Dialect(string dialect) => dialect switch
    {
        "msa" => "العربية الفصحى",
        "egyptian" => "اللهجة المصرية",
        "levantine" => "اللهجة الشامية",
        "gulf" => "اللهجة الخليجية",
        "maghrebi" => "اللهجة المغاربية",
        _ => dialect,
    };

    public static string? Gender(string? gender) => gender switch
    {
        "male" => "ذكر",
        "female" => "أنثى",
        _ => null,
    };
}
