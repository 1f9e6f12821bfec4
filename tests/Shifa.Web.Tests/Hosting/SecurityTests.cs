using System.Net;
using Shifa.Web.Review;

namespace Shifa.Web.Tests.Hosting;

public sealed class SecurityTests : IAsyncLifetime
{
    private ShifaServer _server = null!;

    public async Task InitializeAsync() => _server = await ShifaServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly (string Path, string Role)[] ProtectedGets =
    [
        ("/", "any"), ("/chat", "any"), ("/review", "annotator"), ("/review/1", "annotator"),
        ("/admin", "admin"), ("/admin/rounds/1", "admin"), ("/rate", "expert"), ("/admin/ratings.jsonl", "admin"),
    ];

    [Fact]
    public async Task Every_protected_page_refuses_anonymous_and_wrong_role_users()
    {
        var roundId = CreateRound();
        Assert.Equal(1, roundId);
        var anonymous = _server.Client();
        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = await BrowserSession.SignInAsync(_server, "admin1"),
            ["annotator"] = await BrowserSession.SignInAsync(_server, "ann1"),
            ["expert"] = await BrowserSession.SignInAsync(_server, "expert1"),
        };
        foreach (var (path, role) in ProtectedGets)
        {
            var anon = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, anon.StatusCode);
            Assert.StartsWith("/login", anon.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            foreach (var (who, client) in clients)
            {
                var res = await client.GetAsync(path);
                if (role == "any" || role == who)
                {
                    Assert.True(res.StatusCode == HttpStatusCode.OK, $"{who} should open {path}, got {(int)res.StatusCode}");
                }
                else
                {
                    Assert.True(res.StatusCode == HttpStatusCode.Redirect && res.Headers.Location!.AbsolutePath == "/denied", $"{who} must be refused {path}, got {(int)res.StatusCode}");
                }
            }
        }

        // Form posts: anonymous and wrong roles are refused before any handler runs (with a valid token, so the refusal is the role's).
        (string Path, string Role)[] posts =
        [
            ("/admin/rounds", "admin"), ("/admin/rounds/1/adjudicate/rec-00", "admin"), ("/review/1/rec-00", "annotator"),
            ("/rate/i1/pairwise", "expert"), ("/rate/i1/likert", "expert"), ("/logout", "any"), ("/chat/stream", "any"),
        ];
        foreach (var (path, role) in posts)
        {
            var anonPost = await anonymous.PostAsync(path, Form("x", ("verdict", "accept")));
            Assert.True(anonPost.StatusCode == HttpStatusCode.Redirect && anonPost.Headers.Location!.AbsolutePath == "/login", $"anonymous POST {path} answered {(int)anonPost.StatusCode}");
            foreach (var (who, client) in clients.Where(c => role != "any" && c.Key != role))
            {
                var token = await BrowserSession.TokenAsync(client, "/chat");
                var res = await client.PostAsync(path, Form(token, ("verdict", "accept"), ("choice", "first")));
                Assert.True(res.StatusCode == HttpStatusCode.Redirect && res.Headers.Location!.AbsolutePath == "/denied", $"{who} POST {path} answered {(int)res.StatusCode}");
            }
        }

        // The API takes keys, not cookies.
        Assert.Equal(HttpStatusCode.Unauthorized, (await clients["admin"].GetAsync("/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/models")).StatusCode);
        var anonChat = await anonymous.PostAsync("/chat/stream", new StringContent("{\"message\":\"مرحبا\"}"));
        Assert.Equal(HttpStatusCode.Redirect, anonChat.StatusCode);
    }

    [Fact]
    public async Task Record_with_script_and_arabic_renders_inert()
    {
        CreateRound(ids: "rec-00");
        var annotator = await BrowserSession.SignInAsync(_server, "ann1");
        var html = await annotator.GetStringAsync("/review/1");
        Assert.Contains("هل الصداع", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>خطير</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var res = await annotator.GetAsync("/review/1");
        Assert.Contains("script-src 'self'", res.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Side_by_side_page_hides_system_names()
    {
        new Shifa.Web.Rating.RatingStore(Core.Storage.Workspace.Open(_server.WorkspaceDirectory))
            .Add([new Shifa.Web.Rating.RatingItem("i1", "ما علاج الصداع؟", "secret-model-a", "جواب أول", "secret-model-b", "جواب ثان")]);
        var expert = await BrowserSession.SignInAsync(_server, "expert1");
        var html = await expert.GetStringAsync("/rate");
        Assert.Contains("جواب أول", html, StringComparison.Ordinal);
        Assert.Contains("جواب ثان", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-model", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_without_antiforgery_token_fail()
    {
        CreateRound(ids: "rec-01");
        var annotator = await BrowserSession.SignInAsync(_server, "ann1");
        var without = await annotator.PostAsync("/review/1/rec-01", new FormUrlEncodedContent(new Dictionary<string, string> { ["verdict"] = "accept" }));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        var forged = await annotator.PostAsync("/review/1/rec-01", Form("CfDJ8forged", ("verdict", "accept")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var noHeader = await annotator.PostAsync("/chat/stream", new StringContent("{\"message\":\"مرحبا\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        Assert.Empty(new ReviewStore(Core.Storage.Workspace.Open(_server.WorkspaceDirectory)).ReviewsOf(1, "rec-01"));

        var token = await BrowserSession.TokenAsync(annotator, "/review/1");
        var with = await annotator.PostAsync("/review/1/rec-01", Form(token, ("verdict", "accept")));
        Assert.Equal(HttpStatusCode.Redirect, with.StatusCode);
        Assert.Single(new ReviewStore(Core.Storage.Workspace.Open(_server.WorkspaceDirectory)).ReviewsOf(1, "rec-01"));
    }

    private int CreateRound(string? ids = null)
    {
        var store = new ReviewStore(Core.Storage.Workspace.Open(_server.WorkspaceDirectory));
        var round = store.CreateRound(new ReviewRoundRequest("t", 0.25, 0.95, 1.0, ["ann1", "ann2"], 3, "admin1"));
        if (ids is not null)
        {
            // Put the wanted record first in ann1's queue so the page shows it.
            using var c = Core.Storage.Workspace.Open(_server.WorkspaceDirectory).OpenConnection();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT OR IGNORE INTO round_items(round_id, record_id, annotator, position, stratum) VALUES ($r, $id, 'ann1', -1, 's'); UPDATE round_items SET position = -1 WHERE round_id = $r AND record_id = $id";
            cmd.Parameters.AddWithValue("$r", round.Id);
            cmd.Parameters.AddWithValue("$id", ids);
            cmd.ExecuteNonQuery();
        }

        return round.Id;
    }

    private static FormUrlEncodedContent Form(string token, params (string K, string V)[] fields)
    {
        var d = fields.ToDictionary(f => f.K, f => f.V);
        d["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(d);
    }
}
