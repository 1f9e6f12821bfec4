// OpenAI Batch API mode: build JSONL → upload → create → poll → download → ingest, each step persisted so a restart resumes.
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Batch;
using OpenAI.Files;
using Shifa.Core.Hashing;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Storage;

// The SDK marks its Batch client experimental; the wire protocol it speaks is the stable Batch API.
#pragma warning disable OPENAI001

namespace Shifa.Synthesis.Batch;

/// <summary>
/// Runs pending items through the OpenAI Batch API (about half the price, results within 24 h). An
/// open batch in the workspace is resumed before a new one is built; results are parsed and validated
/// like synchronous responses and committed per item, so re-ingesting after a kill stores nothing twice.
/// The worst-case cost of a batch is reserved in the spend ledger before upload and settled on ingest.
/// </summary>
public sealed class BatchRunner
{
    private static readonly string[] Terminal = ["completed", "failed", "expired", "cancelled"];
    private readonly SynthesisStore _store;
    private readonly BatchStore _batches;
    private readonly ProviderSettings _settings;
    private readonly ModelPrice _price;
    private readonly BatchOptions _options;
    private readonly OpenAIFileClient _files;
    private readonly BatchClient _batchClient;

    /// <summary>Creates a runner for an <c>openai</c> or <c>openai-compatible</c> provider.</summary>
    public BatchRunner(SynthesisStore store, ProviderSettings settings, PriceTable prices, BatchOptions options, Func<string, string?>? environment = null)
    {
        if (settings.Kind is not (ProviderKind.OpenAI or ProviderKind.OpenAICompatible))
        {
            throw new ArgumentException($"Batch mode needs an OpenAI Batch API; provider '{settings.Name}' is {settings.Kind}. Use `synthesize run` instead.", nameof(settings));
        }

        _store = store;
        _batches = new BatchStore(store.Workspace);
        _settings = settings;
        _options = options;
        _price = prices.Find(settings.ResolvedModel)
            ?? throw new InvalidOperationException($"Model '{settings.ResolvedModel}' has no price in {prices.Source}; add it there.");
        var env = environment ?? Environment.GetEnvironmentVariable;
        var key = settings.ApiKeyEnv is null ? "none" : env(settings.ApiKeyEnv)
            ?? throw new InvalidOperationException($"Provider '{settings.Name}': set the environment variable {settings.ApiKeyEnv} to its API key.");
        var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = settings.ResolvedBaseUrl, RetryPolicy = new ClientRetryPolicy(3) });
        _files = client.GetOpenAIFileClient();
        _batchClient = client.GetBatchClient();
    }

    /// <summary>Resumes open batches (or builds a new one) and advances each as far as it goes.</summary>
    public async Task<BatchSummary> RunAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var open = _batches.Open(_settings.Name);
        if (open.Count == 0 && Build() is { } built)
        {
            open.Add(built);
        }

        if (open.Count == 0)
        {
            return new BatchSummary(0, "nothing to do", 0, 0, 0, 0m);
        }

        int done = 0, failed = 0, records = 0;
        decimal cost = 0;
        var status = "";
        foreach (var b in open)
        {
            var current = b;
            if (current.InputFileId is null)
            {
                await using var input = File.OpenRead(current.InputPath);
                var file = (await _files.UploadFileAsync(input, Path.GetFileName(current.InputPath), FileUploadPurpose.Batch, cancellationToken).ConfigureAwait(false)).Value;
                current = current with { InputFileId = file.Id, Status = "uploaded" };
                _batches.Update(current);
                progress?.Report($"uploaded {current.InputPath} as {file.Id}");
            }

            if (current.BatchId is null)
            {
                var request = new { input_file_id = current.InputFileId, endpoint = "/v1/chat/completions", completion_window = "24h", metadata = new { shifa_local_id = current.LocalId } };
                var op = await _batchClient.CreateBatchAsync(BinaryContent.Create(BinaryData.FromObjectAsJson(request)), waitUntilCompleted: false,
                    new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
                current = Apply(current, op.GetRawResponse().Content);
                _batches.Update(current);
                progress?.Report($"created batch {current.BatchId}");
            }

            while (!Terminal.Contains(current.Status))
            {
                var op = await CreateBatchOperation.RehydrateAsync(_batchClient, current.BatchId!, cancellationToken).ConfigureAwait(false);
                var state = await op.GetBatchAsync(new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
                current = Apply(current, state.GetRawResponse().Content);
                _batches.Update(current);
                progress?.Report($"batch {current.BatchId}: {current.Status}");
                if (Terminal.Contains(current.Status) || !_options.Wait)
                {
                    break;
                }

                await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }

            status = current.Status;
            if (Terminal.Contains(current.Status))
            {
                var (d, f, r, c) = await IngestAsync(current, cancellationToken).ConfigureAwait(false);
                (done, failed, records, cost) = (done + d, failed + f, records + r, cost + c);
                status = current.Status == "completed" ? "ingested" : current.Status;
                _batches.Update(current with { Status = status });
            }
        }

        return new BatchSummary(open.Count, status, done, failed, records, cost);
    }

    private BatchRecord? Build()
    {
        var seed = _store.ReadSeed();
        var items = _store.ReadItems(_settings.Name, [ItemStatus.Pending], _options.MaxItems);
        if (items.Count == 0)
        {
            return null;
        }

        var localId = ContentHash.Short(24, [.. items.Select(i => i.Id)]);
        var path = Path.Combine(_store.Workspace.ArtifactPath("synth", "batches"), $"{_settings.Name}-{localId}.jsonl");
        var sb = new StringBuilder();
        decimal worst = 0;
        foreach (var item in items)
        {
            var exemplars = item.ExemplarIds.Where(seed.ContainsKey).Select(id => seed[id]).ToList();
            var (line, bound) = BatchRequestWriter.Line(item, exemplars, _settings.ResolvedModel, _settings.MaxOutputTokens, _settings.Temperature);
            sb.Append(line).Append('\n');
            worst += _price.Cost(new TokenUsage(bound, _settings.MaxOutputTokens, 0, 0, bound + _settings.MaxOutputTokens), batch: true);
        }

        var ledger = new SqliteSpendLedger(_store.Workspace);
        var spent = ledger.Total(_settings.Name);
        if (_options.BudgetUsd is { } cap && spent + worst > cap)
        {
            throw new BudgetExceededException(cap, spent, worst);
        }

        File.WriteAllText(path, sb.ToString());
        var record = new BatchRecord(localId, _settings.Name, _settings.ResolvedModel, [.. items.Select(i => i.Id)], path, null, null, "built", null, null, worst);
        // Reserve first: a kill after this point leaves the worst case counted, never an unaccounted batch.
        ledger.Reserve(LedgerId(localId), _settings.Name, _settings.ResolvedModel, worst);
        _batches.Insert(record);
        return record;
    }

    private async Task<(int Done, int Failed, int Records, decimal Cost)> IngestAsync(BatchRecord b, CancellationToken ct)
    {
        var seed = _store.ReadSeed();
        var items = _store.ReadItems(_settings.Name, [ItemStatus.Pending, ItemStatus.Done, ItemStatus.Failed]).Where(i => b.ItemIds.Contains(i.Id)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        int done = 0, failed = 0, records = 0;
        decimal cost = 0;
        foreach (var fileId in new[] { b.OutputFileId, b.ErrorFileId }.OfType<string>())
        {
            var data = (await _files.DownloadFileAsync(fileId, ct).ConfigureAwait(false)).Value;
            foreach (var text in data.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var doc = JsonDocument.Parse(text);
                var customId = doc.RootElement.GetProperty("custom_id").GetString();
                if (customId is null || !items.TryGetValue(customId, out var item))
                {
                    continue;
                }

                var exemplars = item.ExemplarIds.Where(seed.ContainsKey).Select(id => seed[id]).ToList();
                var (outcome, lineCost) = BatchResultReader.Read(doc.RootElement, item, exemplars, _settings.Name, _settings.ResolvedModel, _price);
                cost += lineCost;
                if (_store.Commit(outcome))
                {
                    if (outcome.Status == ItemStatus.Done) { done++; records += outcome.Records.Count; }
                    else { failed++; }
                }
            }
        }

        // Every line of the files was priced above (also lines committed before a kill), so this is the batch's full cost.
        new SqliteSpendLedger(_store.Workspace).Settle(LedgerId(b.LocalId), cost);
        return (done, failed, records, cost);
    }

    private static BatchRecord Apply(BatchRecord b, BinaryData json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return b with { BatchId = S("id") ?? b.BatchId, Status = S("status") ?? b.Status, OutputFileId = S("output_file_id"), ErrorFileId = S("error_file_id") };
    }

    private static string LedgerId(string localId) => "batch:" + localId;
}
