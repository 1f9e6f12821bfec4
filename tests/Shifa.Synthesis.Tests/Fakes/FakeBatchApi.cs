// The Batch API part of the fake server: /v1/files (upload, content) and /v1/batches (create, retrieve).
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Shifa.Synthesis.Tests.Fakes;

public sealed class FakeBatchApi
{
    private readonly ConcurrentDictionary<string, (string Name, byte[] Bytes)> _files = new();
    private readonly ConcurrentDictionary<string, JsonObject> _batches = new();
    private int _ids;

    /// <summary>Fault per batch request line (1-based); errors go to the error file, content faults into the output.</summary>
    public Func<int, Fault> LineFaults { get; set; } = _ => Fault.None;

    /// <summary>Status checks a batch needs before it completes.</summary>
    public int PollsToComplete { get; set; } = 2;

    public int Uploads;
    public int Creates;

    public void Map(WebApplication app)
    {
        app.MapPost("/v1/files", async ctx =>
        {
            var form = await ctx.Request.ReadFormAsync();
            var file = form.Files[0];
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms);
            var id = "file-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
            _files[id] = (file.FileName, ms.ToArray());
            Interlocked.Increment(ref Uploads);
            await Json(ctx, FileObject(id, file.FileName, ms.Length, form["purpose"].ToString()));
        });
        app.MapGet("/v1/files/{id}/content", async (HttpContext ctx, string id) =>
        {
            if (!_files.TryGetValue(id, out var f)) { ctx.Response.StatusCode = 404; return; }
            ctx.Response.ContentType = "application/octet-stream";
            await ctx.Response.Body.WriteAsync(f.Bytes);
        });
        app.MapPost("/v1/batches", async ctx =>
        {
            var body = (await JsonNode.ParseAsync(ctx.Request.Body))!.AsObject();
            var id = "batch_" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
            var batch = new JsonObject
            {
                ["id"] = id, ["object"] = "batch", ["endpoint"] = body["endpoint"]!.GetValue<string>(), ["errors"] = null,
                ["input_file_id"] = body["input_file_id"]!.GetValue<string>(), ["completion_window"] = "24h", ["status"] = "validating",
                ["output_file_id"] = null, ["error_file_id"] = null, ["created_at"] = 1750000000, ["in_progress_at"] = null,
                ["expires_at"] = 1750086400, ["completed_at"] = null, ["failed_at"] = null, ["expired_at"] = null,
                ["request_counts"] = new JsonObject { ["total"] = 0, ["completed"] = 0, ["failed"] = 0 },
                ["metadata"] = body["metadata"]?.DeepClone(), ["polls"] = 0,
            };
            _batches[id] = batch;
            Interlocked.Increment(ref Creates);
            await Json(ctx, Public(batch));
        });
        app.MapGet("/v1/batches/{id}", async (HttpContext ctx, string id) =>
        {
            if (!_batches.TryGetValue(id, out var batch)) { ctx.Response.StatusCode = 404; return; }
            lock (batch)
            {
                var polls = batch["polls"]!.GetValue<int>() + 1;
                batch["polls"] = polls;
                if (polls >= PollsToComplete && batch["status"]!.GetValue<string>() != "completed")
                {
                    Complete(batch);
                }
                else if (polls < PollsToComplete)
                {
                    batch["status"] = "in_progress";
                }
            }

            await Json(ctx, Public(batch));
        });
    }

    private void Complete(JsonObject batch)
    {
        var input = Encoding.UTF8.GetString(_files[batch["input_file_id"]!.GetValue<string>()].Bytes);
        var output = new StringBuilder();
        var errors = new StringBuilder();
        int n = 0, ok = 0, failed = 0;
        foreach (var line in input.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            n++;
            var request = JsonNode.Parse(line)!;
            var customId = request["custom_id"]!.GetValue<string>();
            var user = request["body"]!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
            var pairs = int.Parse(System.Text.RegularExpressions.Regex.Match(user, "\"pairs\":\\s*(\\d+)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value, CultureInfo.InvariantCulture);
            var fault = LineFaults(n);
            if (fault is Fault.Error500 or Fault.Error503)
            {
                failed++;
                errors.Append(new JsonObject
                {
                    ["id"] = "batch_req_" + n, ["custom_id"] = customId,
                    ["response"] = new JsonObject { ["status_code"] = 500, ["request_id"] = "req_" + n, ["body"] = new JsonObject { ["error"] = new JsonObject { ["message"] = "server error", ["type"] = "server_error" } } },
                    ["error"] = null,
                }.ToJsonString()).Append('\n');
                continue;
            }

            ok++;
            var content = fault == Fault.WrongSchema ? "{\"items\": []}" : FakeChatServer.Content(n, pairs);
            output.Append(new JsonObject
            {
                ["id"] = "batch_req_" + n, ["custom_id"] = customId,
                ["response"] = new JsonObject
                {
                    ["status_code"] = 200, ["request_id"] = "req_" + n,
                    ["body"] = new JsonObject
                    {
                        ["id"] = "chatcmpl-b" + n, ["object"] = "chat.completion", ["created"] = 1750000000, ["model"] = "gpt-4o-2024-08-06",
                        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content }, ["finish_reason"] = "stop" }),
                        ["usage"] = new JsonObject { ["prompt_tokens"] = 1000, ["completion_tokens"] = 200, ["total_tokens"] = 1200 },
                    },
                },
                ["error"] = null,
            }.ToJsonString()).Append('\n');
        }

        batch["status"] = "completed";
        batch["completed_at"] = 1750003600;
        batch["output_file_id"] = Store("batch_output.jsonl", output.ToString());
        batch["error_file_id"] = failed > 0 ? Store("batch_errors.jsonl", errors.ToString()) : null;
        batch["request_counts"] = new JsonObject { ["total"] = n, ["completed"] = ok, ["failed"] = failed };
    }

    private string Store(string name, string content)
    {
        var id = "file-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        _files[id] = (name, Encoding.UTF8.GetBytes(content));
        return id;
    }

    private static JsonObject Public(JsonObject batch)
    {
        var copy = batch.DeepClone().AsObject();
        copy.Remove("polls");
        return copy;
    }

    private static JsonObject FileObject(string id, string name, long bytes, string purpose) => new()
    {
        ["id"] = id, ["object"] = "file", ["bytes"] = bytes, ["created_at"] = 1750000000, ["filename"] = name, ["purpose"] = purpose, ["status"] = "processed", ["status_details"] = null,
    };

    private static Task Json(HttpContext ctx, JsonNode node)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(node.ToJsonString());
    }
}
