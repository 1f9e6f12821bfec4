using System.Text;
using Shifa.Core.Readers;
using Shifa.Core.Tests.Ingest;

namespace Shifa.Core.Tests.Readers;

public sealed class DelimitedReaderTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Bom_crlf_and_quoted_newlines_keep_fields_whole_and_lines_right()
    {
        var text = "question,answer\r\n"
                   + "\"سطر أول\r\nسطر ثانٍ، مع \"\"اقتباس\"\"\",جواب ١\r\n"
                   + "\r\n"
                   + "سؤال ٢؟,\"جواب\nمن سطرين\"\r\n";
        var path = _tmp.Bytes("bom.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        using var src = TableReader.Open(path);
        Assert.Equal(["question", "answer"], src.Columns);
        Assert.Equal("utf-8-bom", src.EncodingName);
        var rows = src.Rows().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("سطر أول\r\nسطر ثانٍ، مع \"اقتباس\"", rows[0].Values[0]);
        Assert.Equal(2, rows[0].Locator);
        Assert.Equal("جواب\nمن سطرين", rows[1].Values[1]);
        Assert.Equal(5, rows[1].Locator);
    }

    [Fact]
    public void Ragged_rows_are_reported_with_their_line_not_dropped()
    {
        var path = _tmp.File("ragged.csv", "question,answer,category\nس1,ج1,عام\nس2,ج2\nس3,ج3,عام,زائد\nس4,ج4,عام\n");

        using var src = TableReader.Open(path);
        var rows = src.Rows().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Null(rows[0].Problem);
        Assert.Equal("row has 2 fields, the header has 3", rows[1].Problem);
        Assert.Equal(3, rows[1].Locator);
        Assert.Equal("row has 4 fields, the header has 3", rows[2].Problem);
        Assert.Equal("س3,ج3,عام,زائد", rows[2].Raw);
        Assert.Null(rows[3].Problem);
    }

    [Fact]
    public void Windows1256_file_is_detected_and_decoded_in_auto_mode()
    {
        var text = "question,answer\nهل ضغط الدم ١٥٠ مرتفع؟,نعم، يُعتبر مرتفعاً\n";
        var path = _tmp.Bytes("excel.csv", TextEncodingDetector.Windows1256.GetBytes(text));

        using var src = TableReader.Open(path);
        Assert.Equal("windows-1256", src.EncodingName);
        var row = Assert.Single(src.Rows());
        Assert.Equal("نعم، يُعتبر مرتفعاً", row.Values[1]);
    }

    [Fact]
    public void Utf8_with_one_stray_byte_among_much_arabic_stays_utf8_and_marks_the_byte()
    {
        var good = string.Concat(Enumerable.Repeat("نص عربي سليم ", 20));
        var bytes = new List<byte>(Encoding.UTF8.GetBytes($"question,answer\n{good},جواب\nسؤال,"));
        bytes.Add(0xC3); // a lead byte with no continuation
        bytes.AddRange(Encoding.UTF8.GetBytes("x\n"));
        var path = _tmp.Bytes("damaged.csv", [.. bytes]);

        using var src = TableReader.Open(path);
        Assert.Equal("utf-8", src.EncodingName);
        var rows = src.Rows().ToList();
        Assert.DoesNotContain(TextEncodingDetector.InvalidByteMarker, rows[0].Values[1]!);
        Assert.Contains(TextEncodingDetector.InvalidByteMarker, rows[1].Values[1]!);
    }

    [Fact]
    public void Tsv_is_read_with_tabs()
    {
        var path = _tmp.File("data.tsv", "question\tanswer\nسؤال، بفاصلة\tجواب\n");
        using var src = TableReader.Open(path);
        Assert.Equal(TableFormat.Tsv, src.Format);
        Assert.Equal("سؤال، بفاصلة", Assert.Single(src.Rows()).Values[0]);
    }

    [Fact]
    public void Duplicate_and_empty_header_cells_get_unique_names()
    {
        var path = _tmp.File("dup.csv", "answer,,answer\na,b,c\n");
        using var src = TableReader.Open(path);
        Assert.Equal(["answer", "Column 2", "answer (2)"], src.Columns);
    }

    [Fact]
    public void Unusable_files_fail_with_a_message_naming_the_file()
    {
        var empty = _tmp.File("empty.csv", "");
        var txt = _tmp.File("notes.txt", "x");
        var e1 = Assert.Throws<TableReadException>(() => TableReader.Open(empty));
        Assert.Contains("empty.csv", e1.Message);
        Assert.Contains("header", e1.Message);
        var e2 = Assert.Throws<TableReadException>(() => TableReader.Open(txt));
        Assert.Contains("unsupported format '.txt'", e2.Message);
        var e3 = Assert.Throws<TableReadException>(() => TableReader.Open(_tmp.PathOf("missing.csv")));
        Assert.Contains("does not exist", e3.Message);
        var e4 = Assert.Throws<TableReadException>(() => TableReader.Open(_tmp.File("broken.xlsx", "not a zip")));
        Assert.Contains("broken.xlsx", e4.Message);
    }
}
