// Turns Batch API output lines into item outcomes (same parsing and validation as the synchronous engine).
using System.Globalization;
using System.Text.Json;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Prompts;

namespace Shifa.Synthesis.Batch;

/// <summary>Reads one output or error line: <c>{"custom_id", "response": {"status_code", "body"}, "error"}</c>.</summary>
public static class BatchResultReader
{
    /// <summary>The outcome of <paramref name="item"/> from its result line, and the line's cost at batch prices.</summary>
    public static (ItemOutcome Outcome, decimal CostUsd) Read(JsonElement line, WorkItem item, IReadOnlyList<QaRecord> exemplars, string provider, string model, ModelPrice price)
    {
        var raw = line.GetRawText();
        if (line.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.Object)
        {
            var code = err.TryGetProperty("code", out var c) ? c.ToString() : "batch_error";
            var msg = err.TryGetProperty("message", out var m) ? m.ToString() : raw;
            return (Failed(item, model, code, msg, raw), 0m);
        }

        if (!line.TryGetProperty("response", out var response) || !response.TryGetProperty("status_code", out var status))
        {
            return (Failed(item, model, ErrorKinds.WrongSchema, "Batch result line has neither 'response.status_code' nor 'error'.", raw), 0m);
        }

        if (status.GetInt32() != 200 || !response.TryGetProperty("body", out var body))
        {
            return (Failed(item, model, "http_" + status.GetInt32().ToString(CultureInfo.InvariantCulture), "The batch request failed.", raw), 0m);
        }

        var choice = body.GetProperty("choices")[0];
        var text = choice.GetProperty("message").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() : null;
        var finish = choice.TryGetProperty("finish_reason", out var f) ? f.GetString() : null;
        var answeredBy = body.TryGetProperty("model", out var mm) ? mm.GetString() ?? model : model;
        var usage = Usage(body);
        var cost = usage is null ? 0m : price.Cost(usage, batch: true);
        var parsed = PairsParser.Parse(text, item.Pairs, [.. exemplars.Select(e => e.Question)], finish == "length");
        var attempt = new AttemptRecord(1, parsed.IsValid ? "ok" : "invalid", parsed.ErrorKind, parsed.Error, finish, text, usage, cost, null);
        if (!parsed.IsValid)
        {
            return (new ItemOutcome(item, ItemStatus.Failed, answeredBy, [], [attempt], parsed.ErrorKind, parsed.Error), cost);
        }

        var records = GeneratedRecords.From(item, parsed.Pairs, provider, answeredBy);
        return (new ItemOutcome(item, ItemStatus.Done, answeredBy, records, [attempt]), cost);
    }

    private static TokenUsage? Usage(JsonElement body)
    {
        if (!body.TryGetProperty("usage", out var u) || u.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        long L(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
        var input = L(u, "prompt_tokens");
        var output = L(u, "completion_tokens");
        var cached = u.TryGetProperty("prompt_tokens_details", out var pd) && pd.ValueKind == JsonValueKind.Object ? L(pd, "cached_tokens") : 0;
        var reasoning = u.TryGetProperty("completion_tokens_details", out var cd) && cd.ValueKind == JsonValueKind.Object ? L(cd, "reasoning_tokens") : 0;
        var total = u.TryGetProperty("total_tokens", out _) ? L(u, "total_tokens") : input + output;
        return new TokenUsage(input, output, cached, reasoning, total);
    }

    private static ItemOutcome Failed(WorkItem item, string model, string kind, string message, string raw) =>
        new(item, ItemStatus.Failed, model, [], [new AttemptRecord(1, "error", kind, message, null, raw, null, 0m, null)], kind, message);
}
