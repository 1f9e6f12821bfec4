using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Web.Accounts;
using Shifa.Web.Hosting;
using Shifa.Web.OpenAiApi;

namespace Shifa.Web.Tests.Hosting;

/// <summary>A real Kestrel server on 127.0.0.1 (ephemeral port) over a temporary workspace with seeded records and users.</summary>
public sealed class ShifaServer : IAsyncDisposable
{
    public const string Password = "correct-horse-battery";
    public const string ScriptQuestion = "<script>alert('x')</script> هل الصداع <b>خطير</b>؟";

    private ShifaServer(WebApplication app, string workspace, string apiKey)
    {
        App = app;
        WorkspaceDirectory = workspace;
        ApiKey = apiKey;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public WebApplication App { get; }

    public string WorkspaceDirectory { get; }

    public string BaseUrl { get; }

    public string ApiKey { get; }

    public static async Task<ShifaServer> StartAsync(int apiRequestsPerMinute = 1000, IChatClient? backend = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "shifa-web-" + Guid.NewGuid().ToString("N"));
        var ws = Workspace.Open(dir);
        new RecordStore(ws).Insert(SeedRecords());
        foreach (var (user, role) in new[] { ("admin1", ShifaRoles.Admin), ("ann1", ShifaRoles.Annotator), ("ann2", ShifaRoles.Annotator), ("expert1", ShifaRoles.Expert) })
        {
            await UserAdministration.AddUserAsync(dir, user, Password, role);
        }

        var (_, secret) = new ApiKeyStore(ws).Create("tests");
        var app = ShifaWebHost.Create(new ShifaWebOptions { WorkspaceDirectory = dir, Urls = "http://127.0.0.1:0", ApiRequestsPerMinute = apiRequestsPerMinute }, backend,
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new ShifaServer(app, dir, secret);
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = new Uri(BaseUrl) };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(WorkspaceDirectory, true);
        }
        catch (IOException)
        {
            // A late WAL handle on a temp folder is harmless.
        }
    }

    public static IReadOnlyList<QaRecord> SeedRecords()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<QaRecord>();
        string[] specialties = ["باطنية", "أطفال", "جلدية"];
        string[] providers = ["openai", "gemini"];
        var questions = new[]
        {
            ScriptQuestion,
            "ما علاج حب الشباب عند المراهقين؟",
            "ابني عنده إسهال من يومين، ماذا أفعل؟",
            "هل يمكن علاج الصداع النصفي بدون أدوية؟",
            "ما أسباب تساقط الشعر عند النساء؟",
            "كيف أخفف حموضة المعدة بعد الأكل؟",
            "ما هي أعراض نقص فيتامين د؟",
            "عندي حكة في الجلد مع احمرار، ما السبب؟",
            "هل القهوة تضر مرضى الضغط؟",
            "كيف أتعامل مع الأرق المزمن؟",
            "ما الأكل المناسب لمريض السكري؟",
            "هل التطعيمات آمنة للرضع؟",
        };
        for (var i = 0; i < questions.Length; i++)
        {
            list.Add(new QaRecord
            {
                Id = $"rec-{i:D2}",
                Question = questions[i],
                Answer = i == 0 ? "<img src=x onerror=alert(1)> الصداع غالبًا غير خطير، لكن راجع الطبيب إذا كان مفاجئًا وشديدًا." : $"إجابة موثقة رقم {i}: ننصح بمراجعة الطبيب المختص واتباع نمط حياة صحي.",
                Specialty = specialties[i % 3],
                SpecialtyKey = specialties[i % 3],
                Provenance = new Provenance("synthetic", RecordKind.LlmSynthetic, providers[i % 2], "m", "v1", [], at, null, $"w{i}"),
            });
        }

        return list;
    }
}
