using Shifa.Core.Records;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Offline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Offline;

public sealed class OfflineAugmenterTests
{
    private static WorkItem Item(string dialect = "egyptian", QuestionType type = QuestionType.Symptoms, int pairs = 4) =>
        new("item-1", "offline", 0, "internal", "باطنية", type, dialect, new Persona("female", 30), pairs, ["s1", "s2"], OfflineAugmenter.Version);

    private static List<QaRecord> Exemplars() =>
    [
        Record("s1", "ماذا أفعل إذا كان عندي صُداع شديد جدا الآن؟ هل هذا خطير؟"),
        Record("s2", "أريد أن أعرف لماذا أشعر بدوخة عند الوقوف، وهل يوجد علاج؟"),
    ];

    private static QaRecord Record(string id, string q) => new()
    {
        Id = id, Question = q, Answer = "راجع الطبيب، واشرب الماء بكثرة؛ وإذا اشتد الألم فاذهب إلى الطوارئ.", SpecialtyKey = "internal",
        Provenance = Provenance.RealData("seed", DateTimeOffset.UnixEpoch, "MIT"),
    };

    [Fact]
    public void Same_item_gives_the_same_records_and_they_are_labelled_offline()
    {
        var aug = new OfflineAugmenter();
        var a = aug.Augment(Item(), Exemplars(), DateTimeOffset.UnixEpoch);
        var b = aug.Augment(Item(), Exemplars(), DateTimeOffset.UnixEpoch);
        Assert.Equal(a, b, (x, y) => x.Id == y.Id && x.Question == y.Question && x.Answer == y.Answer);
        Assert.Equal(4, a.Count);
        Assert.All(a, r =>
        {
            Assert.Equal(RecordKind.OfflineAugmented, r.Provenance.Kind);
            Assert.Equal("offline", r.Provenance.Provider);
            Assert.Equal(OfflineAugmenter.Version, r.Provenance.PromptVersion);
            Assert.Equal("item-1", r.Provenance.WorkItemId);
            Assert.Single(r.Provenance.ExemplarIds);
            Assert.True(r.IsSynthetic);
        });
        Assert.Equal(["s1", "s2", "s1", "s2"], a.Select(r => r.Provenance.ExemplarIds[0]));
        // Answers are labels: kept as the seed wrote them.
        Assert.All(a, r => Assert.Equal(Exemplars()[0].Answer, r.Answer));
    }

    [Fact]
    public void Dialect_table_replaces_msa_words_whole_word_only()
    {
        Assert.Equal("إيه أعمل دلوقتي؟ وليه؟", DialectLexicon.Apply("ماذا أعمل الآن؟ ولماذا؟", "egyptian"));
        Assert.Equal("شو بدي اعمل هلق؟", DialectLexicon.Apply("ماذا أريد اعمل الآن؟", "levantine"));
        Assert.Equal("وش أسوي الحين؟", DialectLexicon.Apply("ماذا أسوي الآن؟", "gulf"));
        Assert.Equal("علاش كنحس بالدوخة؟", DialectLexicon.Apply("لماذا أشعر بالدوخة؟", "maghrebi"));
        // MSA target and words that merely contain a table word are untouched.
        Assert.Equal("ماذا أفعل الآن؟", DialectLexicon.Apply("ماذا أفعل الآن؟", "msa"));
        Assert.Equal("الآنسة تسأل", DialectLexicon.Apply("الآنسة تسأل", "egyptian"));
    }

    [Fact]
    public void Orthographic_noise_makes_the_variants_users_type()
    {
        var noise = new OrthographicNoise(wordRate: 1.0);
        var seen = new HashSet<string>();
        for (var s = 0; s < 200; s++)
        {
            seen.Add(noise.Apply("أُريد إجابة عن مسؤول الصيدلية في مستشفى", new Random(s)));
        }

        Assert.Contains(seen, t => t.Contains("اريد", StringComparison.Ordinal));       // hamza on alef dropped
        Assert.Contains(seen, t => t.Contains("اجابة", StringComparison.Ordinal) || t.Contains("إجابه", StringComparison.Ordinal));
        Assert.Contains(seen, t => t.Contains("مسوول", StringComparison.Ordinal));      // ؤ → و
        Assert.Contains(seen, t => t.Contains("الصيدليه", StringComparison.Ordinal));   // ة → ه
        Assert.Contains(seen, t => t.Contains("مستشفي", StringComparison.Ordinal));     // ى → ي
        Assert.Contains(seen, t => t.Contains('ـ'));                                     // tatweel elongation
        Assert.All(seen, t => Assert.DoesNotContain('\u064F', t));                       // harakat removed
        // Rate 0 changes nothing but harakat.
        Assert.Equal("أريد إجابة 😀 ١٢٣، OK؟", new OrthographicNoise(0).Apply("أُريد إجابة 😀 ١٢٣، OK؟", new Random(1)));
    }

    [Fact]
    public void Reformulation_keeps_the_question_and_adds_a_frame_of_the_type()
    {
        var q = "عندي ألم في المعدة بعد الأكل";
        var outs = Enumerable.Range(0, 50).Select(i => QuestionReformulator.Apply(q, QuestionType.Medication, new Random(i))).ToList();
        Assert.All(outs, o => Assert.Contains(q, o));
        Assert.Contains(outs, o => o.Contains("دواء", StringComparison.Ordinal) || o.Contains("علاج", StringComparison.Ordinal));
        Assert.True(outs.Distinct().Count() > 5);
    }

    [Fact]
    public async Task Offline_provider_runs_a_plan_end_to_end_without_keys()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        FakeProviders.Plan(store, "offline", records: 90, pairs: 3, promptVersion: OfflineAugmenter.Version);
        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = ProvidersFile.Default.Get("offline") });
        Assert.Equal(30, summary.Done);
        Assert.Equal(90, summary.Records);
        var records = new Core.Storage.RecordStore(store.Workspace).Read("kind = 2");
        Assert.Equal(90, records.Count);
        Assert.All(records, r => Assert.Equal("shifa-offline-augmenter", r.Provenance.Model));
        Assert.Equal(0m, summary.CostUsd);
    }
}
