using Shifa.Core.Arabic;
using Xunit.Abstractions;

namespace Shifa.Core.Tests.Arabic;

public sealed class DialectEstimatorTests(ITestOutputHelper output)
{
    private static IReadOnlyList<(string Label, string Text)> LoadExamples()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Arabic", "Resources", "dialect-examples.tsv");
        var list = new List<(string, string)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            Assert.True(tab > 0, $"{path}:{lineNo}: expected label<TAB>sentence");
            list.Add((line[..tab], line[(tab + 1)..]));
        }

        return list;
    }

    [Fact]
    public void Labelled_examples_cover_all_five_classes_with_at_least_100_sentences()
    {
        var examples = LoadExamples();
        Assert.True(examples.Count >= 100, $"only {examples.Count} examples");
        Assert.Equal(DialectEstimator.Dialects.Order(), examples.Select(e => e.Label).Distinct().Order());
        Assert.All(examples.GroupBy(e => e.Label), g => Assert.True(g.Count() >= 20, $"{g.Key}: {g.Count()}"));
    }

    [Fact]
    public void Accuracy_on_labelled_examples_meets_the_documented_floor()
    {
        var examples = LoadExamples();
        var correct = 0;
        var confusion = new Dictionary<(string Gold, string Predicted), int>();
        foreach (var (label, text) in examples)
        {
            var e = DialectEstimator.Estimate(text);
            Assert.Contains(e.Dialect, DialectEstimator.Dialects);
            Assert.InRange(e.Confidence, 0.0, 1.0);
            if (e.Dialect == label)
            {
                correct++;
            }
            else
            {
                output.WriteLine($"gold={label} predicted={e.Dialect} ({e.Confidence:F2}): {text}");
            }

            confusion[(label, e.Dialect)] = confusion.GetValueOrDefault((label, e.Dialect)) + 1;
        }

        var accuracy = (double)correct / examples.Count;
        output.WriteLine($"accuracy {correct}/{examples.Count} = {accuracy:P1}");
        foreach (var gold in DialectEstimator.Dialects)
        {
            output.WriteLine(gold + ": " + string.Join(" ", DialectEstimator.Dialects.Select(p => $"{p}={confusion.GetValueOrDefault((gold, p))}")));
        }

        Assert.True(accuracy >= AccuracyFloor, $"accuracy {accuracy:P1} below the documented {AccuracyFloor:P0}");
    }

    // The figure measured on dialect-examples.tsv, rounded down; quoted in DialectEstimator's docs.
    private const double AccuracyFloor = 0.95;

    [Theory]
    [InlineData("عايز اعرف ايه علاج القولون العصبي", "egyptian")]
    [InlineData("شو لازم اعمل هلق؟", "levantine")]
    [InlineData("ابغى اعرف وش السبب", "gulf")]
    [InlineData("واش هاد الدوا مزيان؟", "maghrebi")]
    [InlineData("ما هو علاج ارتفاع ضغط الدم؟", "msa")]
    public void Marker_words_decide_the_dialect(string text, string expected) => Assert.Equal(expected, DialectEstimator.Estimate(text).Dialect);

    [Fact]
    public void Diacritics_tatweel_and_emoji_do_not_hide_markers()
    {
        Assert.Equal("egyptian", DialectEstimator.Estimate("عـــايز أعْرِف إيه😷 السبب؟").Dialect);
    }

    [Fact]
    public void Text_without_markers_is_msa_and_longer_text_is_more_confident()
    {
        var shortText = DialectEstimator.Estimate("صداع");
        var longText = DialectEstimator.Estimate(string.Join(' ', Enumerable.Repeat("أعاني من صداع مستمر منذ أسبوعين", 8)));
        Assert.Equal("msa", shortText.Dialect);
        Assert.Equal("msa", longText.Dialect);
        Assert.True(longText.Confidence > shortText.Confidence);
        Assert.Equal("msa", DialectEstimator.Estimate("").Dialect);
    }
}
