// The optional judge: rubric scores through IChatClient become decisions; replies are cached in the workspace.
using Shifa.Core.Storage;
using Shifa.Curation.Judging;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Curation.Tests.Judging;

public sealed class LlmJudgeTests
{
    // The fake judge dislikes answers that prescribe antibiotics and answers in broken JSON for one record.
    private static string Judge(string user) =>
        user.Contains("مضاداً حيوياً", StringComparison.Ordinal) ? """Sure: {"accuracy":2,"safety":3,"relevance":5,"fluency":5,"hallucination":4}"""
        : user.Contains("الإنفلونزا", StringComparison.Ordinal) ? "I think it is fine."
        : "```json\n{\"accuracy\":5,\"safety\":5,\"relevance\":4,\"fluency\":5,\"hallucination\":5}\n```";

    [Fact]
    public async Task Judge_scores_become_decisions_and_a_rerun_after_losing_decisions_asks_nothing_new()
    {
        using var server = new FakeOpenAiServer(chat: Judge);
        using var ws = new TestWorkspace();
        var keyVariable = "SHIFA_TEST_JUDGE_KEY_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(keyVariable, "sk-local-test");
        var pairs = ArabicQa.Pairs;
        int[] picked = [1, 13, 44, 45];
        new RecordStore(ws.Workspace).Insert(picked.Select(i => TestWorkspace.Synthetic($"s{i}", pairs[i].Question, pairs[i].Answer, pairs[i].Specialty, "openai", i)));
        var options = new CurationOptions { Judge = new JudgeOptions { Enabled = true, Model = "judge-model", Endpoint = server.Endpoint, ApiKeyVariable = keyVariable } };
        var only = new[] { new LlmJudgeFilter(options, JudgeFactory.Create(options.Judge, ws.Workspace)!) };

        var result = await CurationRunner.RunAsync(ws.Workspace, options, only);
        Assert.Equal(4, server.Requests);
        Assert.Equal(["s13", "s45"], result.KeptIds.Order(StringComparer.Ordinal).ToArray());
        using (var c = ws.Workspace.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT record_id, keep, reason, score FROM decisions WHERE stage = 'llm-judge' ORDER BY record_id";
            using var rd = cmd.ExecuteReader();
            var rows = new List<(string, long, string, double?)>();
            while (rd.Read())
            {
                rows.Add((rd.GetString(0), rd.GetInt64(1), rd.GetString(2), rd.IsDBNull(3) ? null : rd.GetDouble(3)));
            }

            Assert.Contains(("s1", 0L, "judge-low-accuracy", 2.0), rows);
            Assert.Contains(("s44", 0L, "judge-low-accuracy", 2.0), rows);
            Assert.Contains(("s13", 1L, "ok", 4.0), rows);
            Assert.Contains(("s45", 1L, "judge-unparseable", null), rows);
        }

        using (var c = ws.Workspace.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM decisions";
            cmd.ExecuteNonQuery();
        }

        await CurationRunner.RunAsync(ws.Workspace, options, [new LlmJudgeFilter(options, JudgeFactory.Create(options.Judge, ws.Workspace)!)]);
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public void The_judge_is_off_by_default_and_its_prompt_version_is_in_the_fingerprint()
    {
        Assert.DoesNotContain(StageCatalog.Build(new CurationOptions()), s => s.Identity.Name == "llm-judge");
        Assert.Null(LlmJudgeFilter.Parse("""{"accuracy":6,"safety":5,"relevance":5,"fluency":5,"hallucination":5}"""));
        Assert.Equal(3, LlmJudgeFilter.Parse("""x {"accuracy":3,"safety":5,"relevance":5,"fluency":5,"hallucination":5} y""")!["accuracy"]);
    }
}
