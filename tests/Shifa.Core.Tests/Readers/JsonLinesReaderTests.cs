using Shifa.Core.Readers;
using Shifa.Core.Tests.Ingest;

namespace Shifa.Core.Tests.Readers;

public sealed class JsonLinesReaderTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_line_that_is_not_json_is_a_problem_row_and_the_rest_are_read()
    {
        var path = _tmp.File("qa.jsonl",
            "{\"question\":\"ما علاج الصداع؟ 🤕\",\"answer\":\"الراحة\",\"age\":38}\n"
            + "this is not json\n"
            + "\n"
            + "[1,2]\n"
            + "{\"question\":\"سؤال\",\"answer\":null,\"extra\":{\"a\":1}}\n");

        using var src = TableReader.Open(path);
        Assert.Equal(["question", "answer", "age", "extra"], src.Columns);
        var rows = src.Rows().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("38", rows[0].Values[2]);
        Assert.Equal(2, rows[1].Locator);
        Assert.StartsWith("line is not valid JSON", rows[1].Problem);
        Assert.Equal("this is not json", rows[1].Raw);
        Assert.Equal(4, rows[2].Locator);
        Assert.Equal("line is a JSON array, expected an object", rows[2].Problem);
        Assert.Null(rows[3].Values[1]);
        Assert.Equal("{\"a\":1}", rows[3].Values[3]);
    }
}
