using Shifa.Core.Arabic;

namespace Shifa.Core.Tests.Arabic;

public sealed class ArabicScriptTests
{
    [Theory]
    [InlineData("مَرْحَبًا بالطبيب", 1.0)]
    [InlineData("MRI", 0.0)]
    [InlineData("عملت MRI", 4.0 / 7.0)] // 4 Arabic letters, 3 Latin
    [InlineData("", 0.0)]
    [InlineData("١٥٠/٩٠ 😊 ، ؛ ؟", 0.0)] // digits, emoji and punctuation are not letters
    public void Ratio_counts_letters_only(string text, double expected) => Assert.Equal(expected, ArabicScript.Ratio(text), 6);

    [Fact]
    public void Tatweel_and_diacritics_do_not_count()
    {
        Assert.Equal(ArabicScript.Ratio("الم pain"), ArabicScript.Ratio("أَلـــم pain"), 6);
        Assert.Equal(3.0 / 7.0, ArabicScript.Ratio("ألـــم pain"), 6);
    }

    [Fact]
    public void Presentation_forms_count_as_arabic() => Assert.Equal(1.0, ArabicScript.Ratio("\uFE8D\uFEA3\uFEE4\uFEAA"));
}
