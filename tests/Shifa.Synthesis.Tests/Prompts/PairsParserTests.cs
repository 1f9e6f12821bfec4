using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Prompts;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Prompts;

public sealed class PairsParserTests
{
    private static readonly string[] Exemplars = ["عندي صداع من أسبوع، ماذا أفعل؟"];

    [Fact]
    public void Valid_output_in_a_code_fence_parses()
    {
        var r = PairsParser.Parse("```json\n" + FakeChatServer.Content(1, 2) + "\n```", 2, Exemplars);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(2, r.Pairs.Count);
    }

    [Theory]
    [InlineData("{\"pairs\": [{\"question\": 'x', \"answer\": }]}", ErrorKinds.MalformedJson)]
    [InlineData("{\"pairs\": [{\"question\": \"عندي ألم", ErrorKinds.Truncated)]
    [InlineData("{\"pairs\": []}\n\nهذه المعلومات لا تغني عن استشارة الطبيب.", ErrorKinds.MalformedJson)]
    [InlineData("{\"pairs\": []} {\"pairs\": [", ErrorKinds.MalformedJson)]
    [InlineData("{\"items\": []}", ErrorKinds.WrongSchema)]
    [InlineData("[1, 2]", ErrorKinds.WrongSchema)]
    [InlineData("{\"pairs\": [{\"question\": \"عندي ألم في الظهر\"}]}", ErrorKinds.WrongSchema)]
    [InlineData("{\"pairs\": [{\"question\": \"I have a headache\", \"answer\": \"عليك بالراحة\"}]}", ErrorKinds.Invalid)]
    [InlineData("{\"pairs\": [{\"question\": \"عندي صداع من أسبوع، ماذا أفعل؟\", \"answer\": \"عليك بالراحة\"}]}", ErrorKinds.Invalid)]
    [InlineData("", ErrorKinds.MalformedJson)]
    public void Bad_output_is_classified(string text, string kind)
    {
        var r = PairsParser.Parse(text, 1, Exemplars);
        Assert.False(r.IsValid);
        Assert.Equal(kind, r.ErrorKind);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
    }

    [Fact]
    public void Wrong_count_and_length_finish_are_rejected_with_the_reason()
    {
        var three = FakeChatServer.Content(1, 3);
        Assert.Contains("Expected 2 pairs, got 3", PairsParser.Parse(three, 2, Exemplars).Error);
        Assert.Equal(ErrorKinds.Truncated, PairsParser.Parse(three, 3, Exemplars, finishedByLength: true).ErrorKind);
        Assert.Contains("pairs[0]: field 'answer'", PairsParser.Parse("{\"pairs\":[{\"question\":\"سؤال عن الحمى\",\"answer\":\"\"}]}", 1, Exemplars).Error);
    }
}
