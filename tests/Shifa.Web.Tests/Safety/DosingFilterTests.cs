using Shifa.Web.Safety;

namespace Shifa.Web.Tests.Safety;

public sealed class DosingFilterTests
{
    [Theory]
    [InlineData("تناول أموكسيسيلين 500 ملغ.")]
    [InlineData("خذ حبتين يوميًا بعد الأكل.")]
    [InlineData("الجرعة ٢٫٥ مل كل ٨ ساعات.")]
    [InlineData("Take 20 mg twice a day.")]
    [InlineData("استخدم البخاخ بختين قبل النوم")]
    public void Dose_sentences_are_detected(string sentence) => Assert.True(DosingFilter.StatesDose(sentence));

    [Theory]
    [InlineData("الأموكسيسيلين مضاد حيوي يستخدم لالتهاب اللوز.")]
    [InlineData("اشرب 8 أكواب من الماء واسترح ثلاثة أيام.")]
    [InlineData("راجع الطبيب إذا استمرت الأعراض أكثر من 3 أيام.")]
    public void Ordinary_sentences_pass(string sentence) => Assert.False(DosingFilter.StatesDose(sentence));

    [Fact]
    public void Apply_replaces_only_the_dose_sentence_and_keeps_the_rest()
    {
        var text = "الأموكسيسيلين مضاد حيوي. خذ 500 ملغ ثلاث مرات يوميًا؟ واشرب السوائل.";
        var result = DosingFilter.Apply(text, out var n);
        Assert.Equal(1, n);
        Assert.StartsWith("الأموكسيسيلين مضاد حيوي. ", result, StringComparison.Ordinal);
        Assert.Contains(SafetyMessages.DoseReplacement, result, StringComparison.Ordinal);
        Assert.DoesNotContain("500", result, StringComparison.Ordinal);
        Assert.EndsWith("واشرب السوائل.", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_sentences_round_trips_and_keeps_decimal_points()
    {
        var text = "الجرعة 2.5 مل؟ نعم.\nسطر ثانٍ؛ وآخر";
        var parts = DosingFilter.SplitSentences(text).ToList();
        Assert.Equal(text, string.Concat(parts));
        Assert.Equal("الجرعة 2.5 مل؟ ", parts[0]);
    }
}
