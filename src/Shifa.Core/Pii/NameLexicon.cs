// Word lists the name detectors use: titles, qualifiers, common given names and words that end a name.
using Shifa.Core.Arabic;

namespace Shifa.Core.Pii;

/// <summary>
/// Lexicons for doctor-signature and self-disclosed-name detection, compared by <see cref="Key"/>
/// (so <c>الدكتورة</c> and <c>الدكتوره</c>, <c>أحمد</c> and <c>احمد</c> are the same entry).
/// </summary>
internal static class NameLexicon
{
    // Declared first: the lexicons below are built with it during static initialisation.
    // The letter-level part of ForMatching: what a single word token needs, without the
    // whole-text steps (URLs, emoji, punctuation, whitespace) that cannot apply inside a word.
    private static readonly ArabicNormalizer WordKey = new(new ArabicNormalizerOptions
    {
        FoldPresentationForms = true,
        RemoveDiacritics = true,
        UnifyAlef = true,
        FoldAlefMaqsura = true,
        FoldHamzaCarriers = true,
        FoldTaMarbuta = true,
        FoldLetterVariants = true,
        LowercaseLatin = true,
        CollapseWhitespace = false,
    });

    /// <summary>Titles written out in full with the article: a name usually follows.</summary>
    public static readonly HashSet<string> DefiniteTitles = Normalized(
        "الدكتور", "الدكتورة", "البروفيسور", "البروفسور", "الصيدلاني", "الصيدلانية", "الأخصائي", "الأخصائية", "الاستشاري", "الاستشارية",
        "أخصائي", "أخصائية", "الطبيب", "الطبيبة", "الممرض", "الممرضة");

    /// <summary>Titles without the article, often a vocative ("دكتور انا حامل"): a name must be recognised.</summary>
    public static readonly HashSet<string> BareTitles = Normalized(
        "دكتور", "دكتورة", "بروفيسور", "بروف", "صيدلاني", "صيدلانية", "استشاري", "استشارية", "طبيب", "طبيبة", "dr", "doctor", "prof");

    /// <summary>Words between a title and the name ("الدكتورة الصيدلانية رناد").</summary>
    public static readonly HashSet<string> Qualifiers = Normalized(
        "الصيدلاني", "الصيدلانية", "الاستشاري", "الاستشارية", "الأخصائي", "الأخصائية", "أخصائي", "أخصائية", "استشاري", "استشارية",
        "تغذية", "التغذية", "المختص", "المختصة", "الطبيب", "الطبيبة", "العام", "العامة", "البروفيسور", "الدكتور", "الدكتورة", "اسنان", "الأسنان",
        "علاج", "العلاج", "طبيعي", "الطبيعي", "نفسي", "النفسي", "نطق", "النطق", "تخاطب", "التخاطب", "ة", "ه"); // a feminine ending typed apart from its title ("الدكتور ه")

    /// <summary>Words that open a signature line ("مع تحياتي، د. …").</summary>
    public static readonly HashSet<string> SignatureCues = Normalized("مع", "تحياتي", "تحياتنا", "بقلم", "إعداد", "اعداد", "كتبه", "إشراف", "مراجعة");

    /// <summary>Words that never belong to a name: function words, verbs and medical nouns common right after a title.</summary>
    public static readonly HashSet<string> Stopwords = Normalized(
        "في", "من", "على", "عن", "إلى", "الى", "مع", "او", "أو", "ثم", "هل", "ما", "ماذا", "لماذا", "كيف", "متى", "أين", "اين", "انا", "أنا", "انت", "أنت",
        "هو", "هي", "نحن", "هم", "عندي", "لدي", "لي", "لك", "له", "لها", "الي", "اللي", "الذي", "التي", "قال", "قالي", "قالت", "قاللي", "اعطاني", "أعطاني",
        "اعطتني", "أعطتني", "وصف", "وصفلي", "كتب", "كتبلي", "يقول", "تقول", "بخصوص", "حول", "بعد", "قبل", "عند", "لان", "لأن", "اذا", "إذا",
        "شكرا", "شكراً", "مرحبا", "السلام", "عليكم", "تحياتي", "المحترم", "المحترمة", "الفاضل", "الفاضلة", "جزاك", "يعطيك",
        "العافية", "اليوم", "امس", "أمس", "الان", "الآن", "انه", "أنه", "ان", "أن", "إن", "لا", "لم", "لن", "نعم", "كل", "هذا", "هذه", "ذلك", "تلك", "هناك",
        "يا", "ايش", "شو", "وش", "ايه", "إيه", "سؤالي", "سؤال", "عملت", "عمل", "حطت", "حط", "صرف", "صرفلي", "طلب", "طلبت", "شخص", "شخصني", "شخصت",
        "علاج", "العلاج", "دواء", "الدواء", "دوا", "الدوا", "تحليل", "التحليل", "تحاليل", "التحاليل", "اشعة", "الأشعة", "عملية", "العملية", "حبوب",
        "كريم", "مرهم", "ابرة", "إبرة", "حقنة", "جرعة", "الجرعة", "فحص", "الفحص", "سونار", "السونار", "امراض", "أمراض", "باطنة", "الباطنة", "جلدية",
        "الجلدية", "نساء", "النساء", "ولادة", "أطفال", "اطفال", "الأطفال", "عظام", "العظام", "قلب", "القلب", "مسالك", "المسالك", "عيون", "العيون",
        "اسنان", "أسنان", "الأسنان", "جراحة", "الجراحة", "نفسي", "النفسي", "مختص", "المختص", "المعالج", "الطوارئ", "المستشفى", "العيادة", "مستشفى",
        "عيادة", "الصيدلية", "صيدلية", "بس", "لكن", "ولكن", "حتى", "كان", "كانت", "يكون", "تكون", "قد", "لقد", "جدا", "كثير", "شي", "شيء", "YouTube",
        "فقط", "رقم", "الهوية", "هوية", "أيضا", "ايضا", "the", "and", "of", "is", "said", "told", "gave", "prescribed", "مضاد", "حيوي", "فيتامين", "ضغط", "سكر", "الحمل", "حامل");

    /// <summary>Common Arabic given names, used to accept a name after a bare title or a mid-sentence one.</summary>
    public static readonly HashSet<string> GivenNames = Normalized(
        "محمد", "أحمد", "محمود", "مصطفى", "علي", "عمر", "عثمان", "حسن", "حسين", "خالد", "سعيد", "سعد", "سامي", "سامر", "ياسر", "يوسف", "ابراهيم", "إبراهيم",
        "إسماعيل", "اسماعيل", "عبد", "عبدالله", "عبدالرحمن", "عبدالعزيز", "عبدالكريم", "عبدالرحيم", "عبدالحميد", "عبدالفتاح", "عبدالرزاق", "طارق", "طلال",
        "وليد", "وائل", "وسام", "رامي", "رائد", "ماجد", "مازن", "مروان", "مهند", "مهدي", "منير", "نبيل", "نادر", "ناصر", "نزار", "هاني", "هشام", "هيثم",
        "باسم", "بسام", "جمال", "جابر", "جميل", "حازم", "حاتم", "حسام", "حمزة", "حمدي", "زياد", "زيد", "زكريا", "سلمان", "سليمان", "سلطان", "شادي",
        "صالح", "صلاح", "ضياء", "عادل", "عاطف", "عامر", "عزيز", "عصام", "علاء", "عماد", "عمرو", "عوض", "غسان", "فادي", "فارس", "فاروق", "فيصل", "فهد",
        "فؤاد", "قاسم", "كريم", "كمال", "لؤي", "ماهر", "مالك", "مجدي", "مراد", "مصعب", "معاذ", "منصور", "موسى", "عيسى", "نايف", "نواف", "هادي", "ياسين",
        "يحيى", "يونس", "إياد", "اياد", "أنس", "انس", "أسامة", "اسامة", "أيمن", "ايمن", "أمجد", "امجد", "أشرف", "اشرف", "أكرم", "اكرم", "أنور", "انور",
        "إيهاب", "ايهاب", "بشار", "بلال", "توفيق", "ثامر", "جهاد", "حافظ", "حامد", "حمد", "راشد", "رشيد", "رضا", "رياض", "سمير", "شريف", "صابر", "صبري",
        "صفوت", "طه", "عاصم", "عبيدة", "عدنان", "عرفات", "عزت", "عمار", "غازي", "فتحي", "فراس", "فريد", "فريح", "قيس", "لطفي", "ماجد", "محسن", "مختار",
        "المختار", "المعتصم", "معتز", "مؤمن", "ميسرة", "نجيب", "نضال", "نعيم", "هاشم", "همام", "وجيه", "وحيد", "يزن", "يزيد", "شيار", "راسم", "حسان",
        "فاطمة", "عائشة", "مريم", "زينب", "خديجة", "سارة", "نور", "نورا", "نورة", "هدى", "هند", "ليلى", "سلمى", "رنا", "رندا", "رناد", "رحاب", "ريم",
        "ريما", "ريهام", "رشا", "رانيا", "دعاء", "دينا", "ديما", "آمنة", "أماني", "اماني", "أمل", "امل", "إيمان", "ايمان", "أسماء", "اسماء", "آلاء", "الاء",
        "بسمة", "بشرى", "تسنيم", "جنى", "حنان", "حلا", "خلود", "رغد", "روان", "زهراء", "سماح", "سمر", "سهى", "سوسن", "شيماء", "شهد", "صفاء", "عبير",
        "علا", "غادة", "غاده", "فرح", "لبنى", "لمى", "لينا", "ماريا", "منى", "مها", "ميساء", "نادية", "نجوى", "نسرين", "نهى", "هالة", "هبة", "هيفاء",
        "وفاء", "ياسمين", "سندس", "شاريهان", "لورا", "أسيل", "اسيل", "إسراء", "اسراء", "آية", "اية", "بتول", "جود", "حياة", "رؤى", "رهف", "سجى", "شذى",
        "عفاف", "غدير", "لجين", "مرام", "ملك", "منار", "نجلاء", "نوال", "هيا", "يارا", "يسرى", "ابو", "أبو");

    /// <summary>The lookup key of one word token: its letters folded as in <see cref="ArabicNormalizer.ForMatching"/>.</summary>
    public static string Key(string word)
    {
        foreach (var c in word)
        {
            // Plain ASCII lower-case and the Arabic letters that no fold touches pass unchanged.
            var plain = c is (>= 'a' and <= 'z') or (>= '\u0621' and <= '\u063A' and not '\u0622' and not '\u0623' and not '\u0624' and not '\u0625' and not '\u0626' and not '\u0629')
                or (>= '\u0641' and <= '\u064A' and not '\u0649');
            if (!plain)
            {
                return WordKey.Normalize(word);
            }
        }

        return word;
    }

    private static HashSet<string> Normalized(params string[] words) => new(words.Select(Key), StringComparer.Ordinal);
}
