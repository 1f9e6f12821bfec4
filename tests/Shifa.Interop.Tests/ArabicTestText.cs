// Arabic medical test strings: diacritics, tatweel, ، ؛ ؟, Arabic-Indic digits, emoji, Latin, dialect spellings.
namespace Shifa.Interop.Tests;

internal static class ArabicTestText
{
    public static readonly string[] Sentences =
    [
        "أعاني من صداع شديد منذ ثلاثة أيام، فما السبب؟",
        "عندي ألم في المعدة بعد الأكل؛ هل هو قرحة؟",
        "يجب مراجعة الطبيب فوراً إذا ارتفعت الحرارة فوق ٣٩ درجة.",
        "المَرِيضُ يَشْكُو مِنْ ضِيقٍ فِي التَّنَفُّسِ.",
        "طفلي عمره ٥ سنوات وعنده كحة وسخونة 🤒، شو أعمل؟",
        "ابني عنده حساسية من البنسلين (penicillin)، هل يأخذ amoxicillin؟",
        "الضغـــط عندي ١٤٠/٩٠ وأحياناً أحس بدوخة.",
        "أنصحك بشرب الماء بكثرة والراحة التامة 💧.",
        "هل يمكن تناول الباراسيتامول 500mg مع المضاد الحيوي؟",
        "إزاي أعرف إن عندي سكر؟ بحس بعطش كتير.",
        "الحمل في الشهر الثالث مع نزيف خفيف، هل هذا طبيعي؟",
        "ننصح بإجراء تحليل دم شامل CBC وفحص وظائف الغدة الدرقية TSH.",
    ];

    /// <summary>Strings the tokenizers must agree on; none of them is in the training text verbatim.</summary>
    public static readonly string[] Probes =
    [
        "المَرِيضُ يَشْكُو مِنْ ضِيقٍ فِي التَّنَفُّسِ، وَالطَّبِيبُ يَنْصَحُ بِالرَّاحَةِ؛ هَلْ هَذَا كَافٍ؟",
        "الصـــداع مستمر منذ ١٢ يوماً ١٤٠/٩٠ mmHg 🤒💊 and fever 38.5°C",
        "  مسافات  متعددة\n\nوسطور جديدة\tوعلامة تبويب  ",
        "شو أعمل؟ إزاي أعرف؟ ليش هيك؟ it's OK, we'll see ‼️",
        "<|user|>\nعندي كحة<|end|>\n<|assistant|>\nاشرب سوائل دافئة<|endoftext|>",
        "👨‍👩‍👧 ٠١٢٣٤٥٦٧٨٩ 0123456789 ٪ ٫ ٬ «اقتباس» — ﷺ ﻻ",
    ];

    /// <summary>The sentences repeated with numbered variations, enough text for a few hundred merges.</summary>
    public static IEnumerable<string> Repeated(int times)
    {
        for (var i = 0; i < times; i++)
        {
            foreach (var sentence in Sentences) yield return $"{sentence} ({i})";
        }
    }
}
