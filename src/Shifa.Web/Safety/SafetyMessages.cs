// The fixed Arabic texts the safety layer shows: urgent-care notice, crisis line notice, disclaimer.
namespace Shifa.Web.Safety;

/// <summary>Arabic texts shown by the safety layer.</summary>
public static class SafetyMessages
{
    /// <summary>Emergency numbers per country, shown in every urgent notice.</summary>
    public const string EmergencyNumbers =
        "أرقام الطوارئ: السعودية 997 أو 911، مصر 123، الإمارات 998، الأردن 911، الكويت 112، قطر 999، البحرين 999، عُمان 9999، العراق 122، لبنان 140، المغرب 15، تونس 190، الجزائر 14. من أي هاتف محمول في بلدان كثيرة يعمل الرقم 112.";

    /// <summary>Medical disclaimer appended to every answer.</summary>
    public const string Disclaimer =
        "تنبيه: هذه معلومات صحية عامة للتثقيف فقط ولا تغني عن استشارة الطبيب أو الصيدلي، ولا تُستخدم للتشخيص أو لتحديد جرعات الأدوية.";

    /// <summary>Replacement for a sentence that gave a dose.</summary>
    public const string DoseReplacement = "الجرعة المناسبة يحددها طبيبك أو الصيدلي؛ اسألهما قبل تناول أي دواء أو تغيير جرعته.";

    /// <summary>Marker every urgent notice starts with (the chat page and tests look for it).</summary>
    public const string UrgentHeading = "⚠️ قد تكون هذه حالة طارئة";

    /// <summary>The urgent-care notice for the categories found.</summary>
    public static string Urgent(IReadOnlyCollection<RedFlagCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var lines = new List<string>
        {
            UrgentHeading,
            "ما تصفه قد يدل على حالة خطيرة تحتاج إلى رعاية طبية فورية. اتصل الآن برقم الطوارئ في بلدك أو توجّه فورًا إلى أقرب قسم طوارئ، ولا تنتظر ردًا من هذا المساعد.",
        };

        if (categories.Contains(RedFlagCategory.SelfHarm))
        {
            lines.Add("لست وحدك، وما تمر به يستحق المساعدة الآن. ابقَ قريبًا من شخص تثق به وأخبره بما تشعر، وابتعد عن أي وسيلة قد تؤذيك، واتصل بالطوارئ أو بخط الدعم النفسي في بلدك.");
        }

        if (categories.Contains(RedFlagCategory.Poisoning))
        {
            lines.Add("لا تحاول التقيؤ ولا تعطِ شيئًا بالفم قبل استشارة الطوارئ أو مركز السموم، واحتفظ بعلبة المادة أو الدواء لتريها للفريق الطبي.");
        }

        if (categories.Contains(RedFlagCategory.Anaphylaxis))
        {
            lines.Add("إذا كان لدى المصاب حاقن أدرينالين موصوف له فاستخدمه الآن ثم اتصل بالطوارئ.");
        }

        if (categories.Contains(RedFlagCategory.Stroke))
        {
            lines.Add("لاحظ وقت بدء الأعراض وأخبر به الفريق الطبي؛ كل دقيقة مهمة في علاج الجلطة.");
        }

        if (categories.Contains(RedFlagCategory.DiabeticEmergency))
        {
            lines.Add("إذا كان المصاب بالسكري واعيًا ويستطيع البلع وسكره منخفض فأعطه سكرًا أو عصيرًا محلّى الآن؛ وإن كان لا يستجيب فلا تضع شيئًا في فمه واتصل بالطوارئ.");
        }

        if (categories.Contains(RedFlagCategory.SevereInjury))
        {
            lines.Add("لا تحرّك المصاب بعد سقوط أو حادث إلا لإبعاده عن خطر، واضغط على مكان النزيف بقطعة قماش نظيفة، وبرّد الحرق بماء جارٍ فاتر مدة عشرين دقيقة دون ثلج أو معاجين.");
        }

        if (categories.Contains(RedFlagCategory.AcuteAbdomen))
        {
            lines.Add("لا تأكل ولا تشرب شيئًا ولا تأخذ مسكّنًا قبل أن يفحصك الطبيب، فقد يحتاج ألم البطن الشديد إلى جراحة عاجلة.");
        }

        if (categories.Contains(RedFlagCategory.Sepsis))
        {
            lines.Add("أخبر الفريق الطبي بأي التهاب أو عدوى سبقت الحرارة؛ تسمّم الدم يحتاج إلى علاج في المستشفى خلال ساعات.");
        }

        lines.Add(EmergencyNumbers);
        return string.Join("\n\n", lines);
    }
}
