// One work item through an IChatClient: render prompt, call, parse and validate, re-ask on unusable output.
using System.Globalization;
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Prompts;

namespace Shifa.Synthesis.Engine;

/// <summary>
/// Generates an item's pairs with a chat client (whose pipeline already retries transport failures,
/// limits rate and meters spend). Unusable output is re-asked up to <see cref="ChatGenerationOptions.MaxParseAttempts"/>
/// times; every response is kept, usable or not.
/// </summary>
public sealed class ChatItemGenerator(IChatClient client, IReadOnlyDictionary<string, QaRecord> seed, ChatGenerationOptions options) : IWorkItemGenerator
{
    /// <inheritdoc />
    public async Task<ItemOutcome> GenerateAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        var missing = item.ExemplarIds.Where(id => !seed.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return new ItemOutcome(item, ItemStatus.Failed, options.Model, [], [],
                "missing_exemplar", $"Exemplar records no longer in the workspace: {string.Join(", ", missing)}. Re-run `shifa synthesize plan`.");
        }

        var exemplars = item.ExemplarIds.Select(id => seed[id]).ToList();
        var messages = PromptLibrary.Get(item.PromptVersion).Render(item, exemplars);
        var chatOptions = new ChatOptions
        {
            ModelId = options.Model,
            MaxOutputTokens = options.MaxOutputTokens,
            Temperature = options.Temperature,
            ResponseFormat = options.EnforceSchema
                ? ChatResponseFormat.ForJsonSchema(PromptTemplate.OutputSchema, "shifa_qa_pairs", "Arabic patient questions with doctor answers")
                : ChatResponseFormat.Json,
        };

        var attempts = new List<AttemptRecord>();
        string? model = null;
        for (var attempt = 1; attempt <= options.MaxParseAttempts; attempt++)
        {
            ChatResponse response;
            try
            {
                response = await client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!ErrorKinds.IsFatal(e) && (e is not BudgetExceededException and not OperationCanceledException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var kind = ErrorKinds.Of(e);
                attempts.Add(new AttemptRecord(attempt, "error", kind, e.Message, null, null, null, 0m, null, (e as ProviderCallException)?.Retried));
                return new ItemOutcome(item, ItemStatus.Failed, model ?? options.Model, [], attempts, kind, e.Message);
            }

            model = response.ModelId ?? options.Model;
            var text = response.Text;
            var finish = response.FinishReason?.Value;
            var parsed = PairsParser.Parse(text, item.Pairs, [.. exemplars.Select(e => e.Question)], response.FinishReason == ChatFinishReason.Length);
            var props = response.AdditionalProperties;
            attempts.Add(new AttemptRecord(
                attempt, parsed.IsValid ? "ok" : "invalid", parsed.ErrorKind, parsed.Error, finish, text, TokenUsage.From(response.Usage),
                props?.TryGetValue(ResponseMetadata.CostUsd, out var c) == true && c is decimal cost ? cost : 0m,
                props?.TryGetValue(ResponseMetadata.LatencyMs, out var l) == true && l is double ms ? ms : null,
                props?.TryGetValue(ResponseMetadata.Retried, out var r) == true ? r as string[] : null));
            if (parsed.IsValid)
            {
                var records = GeneratedRecords.From(item, parsed.Pairs, options.Provider, model);
                return new ItemOutcome(item, ItemStatus.Done, model, records, attempts);
            }
        }

        var last = attempts[^1];
        return new ItemOutcome(item, ItemStatus.Failed, model, [], attempts, last.ErrorKind,
            $"No usable output after {attempts.Count} attempts; last: {last.Error}");
    }
}
