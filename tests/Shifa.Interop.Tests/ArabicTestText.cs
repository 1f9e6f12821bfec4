// Arabic medical test strings: diacritics, tatweel, ، ؛ ؟, Arabic-Indic digits, emoji, Latin, dialect spellings.
using Shifa.Modeling.Tests.Tokenization;

namespace Shifa.Interop.Tests;

internal static class ArabicTestText
{
    /// <summary>The Arabic medical sentences the Modeling tests train their tokenizers on (one shared list).</summary>
    public static string[] Sentences => ArabicCorpus.Sentences;

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
    public static IEnumerable<string> Repeated(int times) => ArabicCorpus.Repeated(times);
}
