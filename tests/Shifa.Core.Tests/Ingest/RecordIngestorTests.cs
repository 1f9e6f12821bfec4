using System.Text;
using Microsoft.Data.Sqlite;
using Shifa.Core.Ingest;
using Shifa.Core.Readers;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Core.Tests.Readers;

namespace Shifa.Core.Tests.Ingest;

public sealed class RecordIngestorTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private (IngestResult Result, RecordStore Store) Ingest(string path, IngestOptions? options = null)
    {
        var ws = Workspace.Open(_tmp.WorkspaceDir);
        var result = new RecordIngestor(ws).Ingest(path, options);
        Assert.Equal(result.RowsRead, result.Ingested + result.Rejected + result.Duplicates);
        return (result, new RecordStore(ws));
    }

    [Fact]
    public void Empty_question_or_answer_is_rejected_naming_line_and_column_and_title_fills_an_empty_question()
    {
        var path = _tmp.File("qa.csv",
            "question,answer,title\n"
            + "سؤال كامل؟,جواب كامل,\n"
            + "   ,جواب بلا سؤال,عنوان السؤال\n"
            + ",جواب,\n"
            + "سؤال بلا جواب،,  ,\n");

        var (r, store) = Ingest(path);

        Assert.Equal((4L, 2L, 2L, 0L), (r.RowsRead, r.Ingested, r.Rejected, r.Duplicates));
        Assert.Contains(store.Read(), x => x.Question == "عنوان السؤال" && x.Title == "عنوان السؤال");
        Assert.Equal(
            [(4L, "question", "empty question and empty title"), (5L, "answer", "empty answer")],
            r.Rejects.Select(x => (x.Line, x.Field, x.Reason)));
        Assert.Equal(r.Rejects.Count, CountRejectsInDb(r.RunId));
    }

    [Fact]
    public void A_one_megabyte_field_is_rejected_with_its_size_and_the_following_rows_still_line_up()
    {
        var huge = new string('ب', 1 << 20);
        var path = _tmp.File("big.csv", $"question,answer\nس١,\"{huge}\"\nس٢,ج٢\n");

        var (r, store) = Ingest(path);

        var reject = Assert.Single(r.Rejects);
        Assert.Equal((2L, "answer"), (reject.Line, reject.Field));
        Assert.Equal("answer is 1,048,576 characters, over the 200,000 limit", reject.Reason);
        Assert.True(reject.Raw!.Length < 2000);
        Assert.Equal("ج٢", Assert.Single(store.Read()).Answer);

        var (r2, _) = Ingest(path, new IngestOptions { MaxFieldChars = 2_000_000 });
        Assert.Equal(1, r2.Ingested);
        Assert.Equal(1, r2.Duplicates);
    }

    [Fact]
    public void Invalid_utf8_with_explicit_utf8_becomes_a_reject_with_its_line_not_a_replacement_character()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("question,answer\nسؤال سليم,جواب\n\"سؤال\nمكسور "));
        bytes.AddRange([0xFF, 0xFE]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\",جواب\nآخر,جواب\n"));
        var path = _tmp.Bytes("bad.csv", [.. bytes]);

        var (r, store) = Ingest(path, new IngestOptions { Encoding = EncodingChoice.Utf8 });

        var reject = Assert.Single(r.Rejects);
        Assert.Equal((3L, "question"), (reject.Line, reject.Field));
        Assert.StartsWith("invalid UTF-8 byte sequence", reject.Reason);
        Assert.Equal(2, r.Ingested);
        Assert.DoesNotContain(store.Read(), x => x.Question.Contains('\uFFFD') || x.Question.Contains(TextEncodingDetector.InvalidByteMarker));
    }

    [Fact]
    public void Windows1256_export_ingests_to_the_same_records_as_its_utf8_twin()
    {
        const string text = "question,answer,category\r\nعندي صداع مستمر، ما السبب؟,قد يكون بسبب الإجهاد,الطب العام\r\n";
        var utf8 = _tmp.File("utf8.csv", text);
        var cp1256 = _tmp.Bytes("cp1256.csv", TextEncodingDetector.Windows1256.GetBytes(text));

        var (a, store) = Ingest(utf8, new IngestOptions { Source = "s" });
        var (b, _) = Ingest(cp1256, new IngestOptions { Source = "s" });

        Assert.Equal("windows-1256", b.Encoding);
        Assert.Equal((1L, 0L, 1L), (a.Ingested, b.Ingested, b.Duplicates));
        Assert.Equal("الطب العام", Assert.Single(store.Read()).Specialty);
    }

    [Fact]
    public void Crlf_and_lf_copies_give_identical_ids()
    {
        var lf = _tmp.File("lf.csv", "question,answer\n\"سطر\nثانٍ\",جواب\n");
        var crlf = _tmp.File("crlf.csv", "question,answer\r\n\"سطر\r\nثانٍ\",جواب\r\n");

        var (a, store) = Ingest(lf, new IngestOptions { Source = "s" });
        var (b, _) = Ingest(crlf, new IngestOptions { Source = "s" });

        Assert.Equal((1L, 1L), (a.Ingested, b.Duplicates));
        Assert.Equal("سطر\nثانٍ", Assert.Single(store.Read()).Question);
    }

    [Fact]
    public void Ragged_and_non_json_rows_are_rejected_with_line_and_reason()
    {
        var csv = _tmp.File("ragged.csv", "question,answer\nس,ج\nس2\nس3,ج3,زائد\n");
        var jsonl = _tmp.File("qa.jsonl", "{\"question\":\"س\",\"answer\":\"ج\"}\n{oops\n");

        var (r1, _) = Ingest(csv, new IngestOptions { Source = "s" });
        var (r2, _) = Ingest(jsonl, new IngestOptions { Source = "s" });

        Assert.Equal([(3L, "row has 1 fields, the header has 2"), (4L, "row has 3 fields, the header has 2")],
            r1.Rejects.Select(x => (x.Line, x.Reason)));
        var bad = Assert.Single(r2.Rejects);
        Assert.Equal(2, bad.Line);
        Assert.Equal("{oops", bad.Raw);
        Assert.Equal(1, r2.Duplicates);
    }

    [Fact]
    public void A_mapped_column_that_does_not_exist_names_it_and_lists_the_available_ones()
    {
        var path = _tmp.File("qa.csv", "q,a,cat\nس,ج,عام\n");
        var ws = Workspace.Open(_tmp.WorkspaceDir);

        var e = Assert.Throws<ColumnMappingException>(() => new RecordIngestor(ws).Ingest(path,
            new IngestOptions { Map = ColumnMap.Parse("question=q,answer=a,specialty=Category name") }));
        Assert.Contains("'Category name' (specialty) does not exist", e.Message);
        Assert.Contains("Available columns: 'q', 'a', 'cat'.", e.Message);

        var none = Assert.Throws<ColumnMappingException>(() => new RecordIngestor(ws).Ingest(path));
        Assert.Contains("--map question=COLUMN,answer=COLUMN", none.Message);
        Assert.Equal(0, new RecordStore(ws).Count());
    }

    [Fact]
    public void Mapping_a_personal_name_column_is_refused()
    {
        var path = _tmp.File("qa.csv", "q,a,Name of doctor 1\nس,ج,د. فلان\n");
        var ws = Workspace.Open(_tmp.WorkspaceDir);
        var e = Assert.Throws<ColumnMappingException>(() => new RecordIngestor(ws).Ingest(path,
            new IngestOptions { Map = ColumnMap.Parse("question=q,answer=Name of doctor 1") }));
        Assert.Contains("personal names", e.Message);
    }

    [Fact]
    public void Xlsx_with_merged_header_ingests_through_the_plain_layout()
    {
        var path = _tmp.PathOf("qa.xlsx");
        XlsxWriter.Write(path,
        [
            ["Question", "Answer", null, "Gender", "Age"],
            ["ألم في الصدر عند الجري", "راجع طبيب القلب", "ملاحظة", "أنثى", 29d],
            ["", "جواب بلا سؤال", null, "ذكر", 40d],
        ], "B1:C1");

        var (r, store) = Ingest(path);

        var rec = Assert.Single(store.Read());
        Assert.Equal(("راجع طبيب القلب", "female", 29), (rec.Answer, rec.Gender, rec.AgeYears));
        Assert.Equal((3L, "Question", "empty question"), (r.Rejects[0].Line, r.Rejects[0].Field, r.Rejects[0].Reason));
        Assert.Equal("row", r.LocatorKind);
    }

    [Fact]
    public void Scrubbing_replaces_signatures_and_phones_before_storing_and_dialect_is_estimated()
    {
        var path = _tmp.File("qa.csv",
            "question,answer,category\n"
            + "عايز اعرف ازاي اعالج الصداع ده؟ رقمي 0501234567,\"اشرب ماء كثيراً.\nالدكتور أحمد محمود\",أمراض عصبية\n");

        var (plain, _) = Ingest(path, new IngestOptions { Source = "a" });
        var (scrubbed, store) = Ingest(path, new IngestOptions { Source = "b", ScrubPii = true });

        Assert.Empty(plain.PiiReplaced);
        Assert.Equal(1, scrubbed.PiiReplaced[Shifa.Core.Pii.PiiKind.Doctor]);
        Assert.Equal(1, scrubbed.PiiReplaced[Shifa.Core.Pii.PiiKind.Phone]);
        var rec = Assert.Single(store.Read("source = 'b'"));
        Assert.DoesNotContain("أحمد محمود", rec.Answer);
        Assert.Contains("[DOCTOR]", rec.Answer);
        Assert.Contains("[PHONE]", rec.Question);
        Assert.Equal("egyptian", rec.Dialect);
        Assert.Equal(Shifa.Core.Ingest.SpecialtyKeys.Of("امراض عصبيه"), rec.SpecialtyKey);
    }

    [Fact]
    public void Record_ids_are_pinned_content_hashes_independent_of_file_and_run()
    {
        // Changing how ids are made would orphan every stored decision, review and split: pin the value.
        Assert.Equal("9093374e1db4f7c8bad61f8f07a98164", RecordIngestor.RecordId("aramed", "هل ضغط الدم 150 مرتفع؟", "نعم"));
        var a = _tmp.File("a.csv", "question,answer\nهل ضغط الدم 150 مرتفع؟,نعم\n");
        var b = _tmp.File("b.jsonl", "{\"answer\":\"  نعم \",\"question\":\"هل ضغط الدم 150 مرتفع؟\"}\n");
        var (_, store) = Ingest(a, new IngestOptions { Source = "aramed" });
        var (rb, _) = Ingest(b, new IngestOptions { Source = "aramed" });
        Assert.Equal(1, rb.Duplicates);
        Assert.Equal("9093374e1db4f7c8bad61f8f07a98164", Assert.Single(store.Read()).Id);
    }

    [Fact]
    public void Utf16_tsv_saved_as_unicode_text_by_excel_is_read()
    {
        var text = "question\tanswer\r\nهل الزنجبيل مفيد؟\tنعم باعتدال\r\n";
        var path = _tmp.Bytes("unicode.tsv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);
        var (r, store) = Ingest(path);
        Assert.Equal("utf-16le", r.Encoding);
        Assert.Equal("نعم باعتدال", Assert.Single(store.Read()).Answer);
    }

    [Theory]
    [InlineData("ذكر", "male")]
    [InlineData("أنثى ", "female")]
    [InlineData("مجهول ", null)]
    [InlineData("غير معروف", null)]
    [InlineData(null, null)]
    public void Gender_cells_map_to_male_female_or_unknown(string? cell, string? expected) =>
        Assert.Equal(expected, PatientFields.Gender(cell));

    [Theory]
    [InlineData("38 سنة", 38)]
    [InlineData("٣٨ سنة", 38)]
    [InlineData("38", 38)]
    [InlineData("38.0", 38)]
    [InlineData("6 شهور", 0)]
    [InlineData("391 سنة", null)]
    [InlineData("\n", null)]
    [InlineData("كبير", null)]
    public void Age_cells_parse_to_years(string cell, int? expected) => Assert.Equal(expected, PatientFields.Age(cell));

    private long CountRejectsInDb(long runId)
    {
        using var c = Workspace.Open(_tmp.WorkspaceDir).OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM ingest_rejects WHERE run_id = $r";
        cmd.Parameters.AddWithValue("$r", runId);
        return (long)cmd.ExecuteScalar()!;
    }
}
