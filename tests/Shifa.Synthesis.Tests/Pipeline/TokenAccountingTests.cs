using System.Text;
using System.Text.Json;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Status;
using Shifa.Synthesis.Tests.Engine;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Pipeline;

/// <summary>Usage and cost from the response shapes each provider documents.</summary>
public sealed class TokenAccountingTests
{
    // The chat-completions response object as in OpenAI's API reference (gpt-4o), content replaced by our pairs.
    private const string OpenAiRecorded = """
        {
          "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
          "object": "chat.completion",
          "created": 1741570283,
          "model": "gpt-4o-2024-08-06",
          "choices": [
            {
              "index": 0,
              "message": { "role": "assistant", "content": CONTENT, "refusal": null, "annotations": [] },
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": {
            "prompt_tokens": 2006,
            "completion_tokens": 300,
            "total_tokens": 2306,
            "prompt_tokens_details": { "cached_tokens": 1920, "audio_tokens": 0 },
            "completion_tokens_details": { "reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0 }
          },
          "service_tier": "default",
          "system_fingerprint": "fp_fc9f1d7035"
        }
        """;

    // Gemini's OpenAI-compatible endpoint: no token details, and total_tokens also counts the thinking
    // tokens of 2.5 models, which completion_tokens leaves out but Google bills as output.
    private const string GeminiRecorded = """
        {
          "choices": [ { "finish_reason": "stop", "index": 0, "message": { "content": CONTENT, "role": "assistant" } } ],
          "created": 1750000000,
          "id": "b3NlbGxpbmc",
          "model": "gemini-2.5-pro",
          "object": "chat.completion",
          "usage": { "completion_tokens": 568, "prompt_tokens": 1021, "total_tokens": 2876 }
        }
        """;

    [Fact]
    public async Task OpenAI_usage_with_cached_prompt_tokens_is_priced_from_the_table()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.Canned = content => OpenAiRecorded.Replace("CONTENT", JsonSerializer.Serialize(content));
        FakeProviders.Plan(store, "openai", records: 2, pairs: 2);
        var provider = new ProviderSettings { Name = "openai", Kind = ProviderKind.OpenAI, ApiKeyEnv = "OPENAI_API_KEY", BaseUrl = new Uri(server.BaseUrl + "/v1/") };

        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = provider, Environment = _ => "sk-test-SECRET-123" });

        Assert.Equal(1, summary.Done);
        // (2006 - 1920) × $2.50/M + 1920 × $1.25/M + 300 × $10/M
        Assert.Equal(0.005615m, summary.CostUsd);
        var stats = Assert.Single(SynthesisStatus.Read(store));
        Assert.Equal(2006, stats.InputTokens);
        Assert.Equal(300, stats.OutputTokens);
        Assert.Equal(1920, EngineAssertions.Scalar(store, "SELECT cached_tokens FROM synth_responses"));
        Assert.Equal("stop", Scalar(store, "SELECT finish_reason FROM synth_responses"));
        Assert.Equal("gpt-4o-2024-08-06", Scalar(store, "SELECT model FROM records WHERE kind = 1 LIMIT 1"));
        Assert.Equal(0.005615, EngineAssertions.Real(store, "SELECT SUM(amount_usd) FROM spend"), 9);
        // The schema was asked for, and the default model was sent.
        var body = Assert.Single(server.Bodies);
        Assert.Equal("gpt-4o", body["model"]!.GetValue<string>());
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        AssertKeyNotStored(store, "sk-test-SECRET-123");
    }

    [Fact]
    public async Task Gemini_thinking_tokens_in_the_total_are_billed_as_output()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.Canned = content => GeminiRecorded.Replace("CONTENT", JsonSerializer.Serialize(content));
        FakeProviders.Plan(store, "gemini", records: 2, pairs: 2);
        var provider = new ProviderSettings { Name = "gemini", Kind = ProviderKind.Gemini, ApiKeyEnv = "GEMINI_API_KEY", BaseUrl = new Uri(server.BaseUrl + "/v1beta/openai/") };

        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = provider, Environment = _ => "AIza-test-SECRET-456", BudgetUsd = 1m });

        Assert.Equal(1, summary.Done);
        // 1021 × $1.25/M + (2876 − 1021) × $10/M: the 1287 thinking tokens are output too.
        Assert.Equal(0.01982625m, summary.CostUsd);
        var stats = Assert.Single(SynthesisStatus.Read(store));
        Assert.Equal(1021, stats.InputTokens);
        Assert.Equal(1855, stats.OutputTokens);
        Assert.Equal(568, EngineAssertions.Scalar(store, "SELECT output_tokens FROM synth_responses"));
        Assert.Equal("gemini-2.5-pro", Assert.Single(server.Bodies)["model"]!.GetValue<string>());
        AssertKeyNotStored(store, "AIza-test-SECRET-456");
    }

    [Fact]
    public async Task Missing_key_names_the_variable_and_the_offline_fallback()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        FakeProviders.Plan(store, "openai", records: 2, pairs: 2);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SynthesisRunner.RunAsync(store, new RunRequest
        {
            Provider = ProvidersFile.Default.Get("openai"), Environment = _ => null,
        }));
        Assert.Contains("OPENAI_API_KEY", e.Message);
        Assert.Contains("offline", e.Message);
    }

    private static string Scalar(Shifa.Synthesis.Storage.SynthesisStore store, string sql)
    {
        using var c = store.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (string)cmd.ExecuteScalar()!;
    }

    private static void AssertKeyNotStored(Shifa.Synthesis.Storage.SynthesisStore store, string key)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(store.Workspace.Root, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.DoesNotContain(key, Encoding.UTF8.GetString(bytes));
        }
    }
}
