using Shifa.Core.Pii;

namespace Shifa.Core.Tests.Pii;

public sealed class PiiScrubberTests
{
    private static string S(string text) => PiiScrubber.Scrub(text).Text;

    [Theory]
    [InlineData("اتصل بي على ٠٥٥١٢٣٤٥٦٧ بعد العصر", "اتصل بي على [PHONE] بعد العصر")]
    [InlineData("رقمي 0551234567", "رقمي [PHONE]")]
    [InlineData("واتساب +966 55 123 4567 😊", "واتساب [PHONE] 😊")]
    [InlineData("جوالي 00201001234567،", "جوالي [PHONE]،")]
    [InlineData("تلفون 010-1234-5678", "تلفون [PHONE]")]
    [InlineData("موبايلي ۰۹۱۲۳۴۵۶۷۸۹", "موبايلي [PHONE]")]
    [InlineData("اتصل +966 55 123 4567 20 حبة", "اتصل [PHONE] 20 حبة")] // the dose after the number stays
    [InlineData("رقمي 0551234567 ٣٧٫٥ درجة", "رقمي [PHONE] ٣٧٫٥ درجة")]
    public void Phones_in_any_digit_script_are_replaced(string input, string expected) => Assert.Equal(expected, S(input));

    [Theory]
    [InlineData("الضغط ١٥٠/٩٠ والنبض 88")]
    [InlineData("أتناول 500 ملغ مرتين يومياً")]
    [InlineData("الحرارة ٣٨٫٥ منذ 2023/05/12 الساعة 10:30")]
    [InlineData("السكر التراكمي 7.5% والكوليسترول 240 mg/dl")]
    [InlineData("جرعة ٥٠ الف وحدة، والنقص ٢٢")]
    [InlineData("وزني 75 كغ وطولي 170 سم وعمري 35 سنة")]
    [InlineData("عدد الصفائح 150000 والبيض 11000")]
    [InlineData("حقنة تفجيرية بقوة ٥٠٠٠ وحدة")]
    [InlineData("القياس 120/80 mmHg صباحا و 0.5 ملغ")]
    [InlineData("المعرف ee3433c8-29e1-11ed-ada7-0242ac1c0002 في النظام")]
    [InlineData("اسباب نقص فيتامين د.\nالوجبات الغذائية")]
    [InlineData("نقص فيتامين د عند الأطفال")]
    public void Medical_numbers_are_kept(string input) => Assert.Equal(input, S(input));

    [Fact]
    public void Urls_stop_at_a_comma_that_glues_the_next_clause()
    {
        Assert.Equal("شوف [URL]،شكرا و [URL],ثم", S("شوف https://x.com/a?b=1،شكرا و www.y.org/p,ثم"));
    }

    [Fact]
    public void Emails_urls_and_ids_get_typed_placeholders()
    {
        var r = PiiScrubber.Scrub("راسلني ahmed.k+med@gmail.com أو زر https://site.sa/p?id=3، altibbi.com/q/123 ورقم الهوية: 1098765432 والرقم القومي ٢٩٠٠١٠١٢٣٤٥٦٧٨");
        Assert.Equal("راسلني [EMAIL] أو زر [URL]، [URL] ورقم الهوية: [ID] والرقم القومي [ID]", r.Text);
        Assert.Equal(1, r.Counts[PiiKind.Email]);
        Assert.Equal(2, r.Counts[PiiKind.Url]);
        Assert.Equal(2, r.Counts[PiiKind.Id]);
        Assert.Equal(5, r.Total);
    }

    [Theory]
    [InlineData("اسمي محمد أحمد وعمري 30 سنة", "اسمي [NAME] وعمري 30 سنة")]
    [InlineData("أنا اسمي فاطمة، عندي صداع", "أنا اسمي [NAME]، عندي صداع")]
    [InlineData("اسمي: سارة العلي", "اسمي: [NAME]")]
    [InlineData("Hi, my name is John Smith", "Hi, my name is [NAME]")]
    public void Self_disclosed_names_are_replaced(string input, string expected) => Assert.Equal(expected, S(input));

    [Theory]
    [InlineData("شكرا د. وليد يوسف فرح على الرد", "شكرا [DOCTOR] على الرد")]
    [InlineData("راجعت د.أحمد وأعطاني دواء", "راجعت [DOCTOR] وأعطاني دواء")]
    [InlineData("الدكتورة الصيدلانية رناد مراد", "[DOCTOR]")]
    [InlineData("الدكتور عبد العزيز اللبدي", "[DOCTOR]")]
    [InlineData("دكتور حسان الخطاطبه\nماهو الحل", "[DOCTOR]\nماهو الحل")]
    [InlineData("ذهبت إلى الدكتور محمد قالي ان عندي التهاب", "ذهبت إلى [DOCTOR] قالي ان عندي التهاب")]
    [InlineData("راجعي الطبيب.\nتحياتي.\nد. سامي الزاهري", "راجعي الطبيب.\nتحياتي.\n[DOCTOR]")]
    [InlineData("بالتوفيق الدكتوره فاطمه عطيه--خميس مشيط", "بالتوفيق [DOCTOR]--خميس مشيط")]
    [InlineData("Dr. Khaled Hamad replied", "[DOCTOR] replied")]
    public void Doctor_titles_with_names_are_replaced(string input, string expected) => Assert.Equal(expected, S(input));

    [Theory]
    [InlineData("دكتور انا حامل ثاني اسبوع")]
    [InlineData("مرحبا دكتور اليوم عملت سونار")]
    [InlineData("ووصفلي الدكتور علاج سيبروكسين")]
    [InlineData("لازم اروح لدكتور امراض جلدية")]
    [InlineData("يعطيك العافيه دكتور انا صار معي كرونا")]
    [InlineData("راجع الطبيب المختص في أقرب وقت")]
    [InlineData("عرضهم على دكتور القلب المعالج")]
    [InlineData("دكتوري الفاضل هل الدواء آمن؟")]
    public void Vocatives_and_generic_mentions_of_doctors_are_kept(string input) => Assert.Equal(input, S(input));

    [Fact]
    public void Detectors_see_earlier_placeholders_so_scrubbing_twice_changes_nothing()
    {
        var once = PiiScrubber.Scrub("الدكتور رقم الهوية www.y.org");
        Assert.Equal("الدكتور رقم الهوية [URL]", once.Text);
        Assert.Same(once.Text, PiiScrubber.Scrub(once.Text).Text);
    }

    [Fact]
    public void Clean_text_is_returned_unchanged_with_no_counts()
    {
        const string text = "هَلْ ضـــغط الدم ١٥٠/٩٠ مرتفع؟ 🤒";
        var r = PiiScrubber.Scrub(text);
        Assert.Same(text, r.Text);
        Assert.Empty(r.Counts);
    }
}
