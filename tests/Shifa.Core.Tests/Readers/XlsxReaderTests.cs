using Shifa.Core.Readers;
using Shifa.Core.Tests.Ingest;

namespace Shifa.Core.Tests.Readers;

public sealed class XlsxReaderTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Merged_header_cells_name_every_column_they_cover()
    {
        var path = _tmp.PathOf("merged.xlsx");
        XlsxWriter.Write(path,
        [
            ["Question", "Answer", null, "Age"],
            ["هل الحمى خطيرة؟", "غالباً لا", "راجع الطبيب إذا استمرت", 38d],
        ], "B1:C1");

        using var src = TableReader.Open(path);
        Assert.Equal(["Question", "Answer", "Answer (2)", "Age"], src.Columns);
        var row = Assert.Single(src.Rows());
        Assert.Equal(2, row.Locator);
        Assert.Equal("غالباً لا", row.Values[1]);
        Assert.Equal("راجع الطبيب إذا استمرت", row.Values[2]);
        Assert.Equal("38", row.Values[3]);
    }

    [Fact]
    public void A_merged_title_banner_above_the_header_is_skipped()
    {
        var path = _tmp.PathOf("banner.xlsx");
        XlsxWriter.Write(path,
        [
            ["تصدير الأسئلة الطبية ٢٠٢٦", null, null],
            ["question", "answer", "category"],
            ["سؤال ١", "جواب ١", "عام"],
            [null, null, null],
            ["سؤال ٢", "جواب ٢", "عام"],
        ], "A1:C1");

        using var src = TableReader.Open(path);
        Assert.Equal(["question", "answer", "category"], src.Columns);
        var rows = src.Rows().ToList();
        Assert.Equal([3L, 5L], rows.Select(r => r.Locator));
        Assert.Equal("جواب ٢", rows[1].Values[1]);
    }
}
