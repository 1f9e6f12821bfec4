using Microsoft.Playwright;
using Shifa.Web.Safety;
using Shifa.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace Shifa.Web.Tests.EndToEnd;

/// <summary>End-to-end flows in Debian's chromium, headless, driven by Playwright.</summary>
public sealed class BrowserFlowTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string ShotDir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    private ShifaServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ShotDir);
        _server = await ShifaServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Two_annotators_review_the_overlap_and_the_admin_sees_kappa()
    {
        var admin = await SignInAsync("admin1");
        await admin.GotoAsync(_server.BaseUrl + "/admin");
        await admin.FillAsync("input[name=name]", "جولة أولى");
        await admin.SelectOptionAsync("select[name=margin]", "0.25");
        await admin.FillAsync("input[name=overlap]", "1");
        await admin.FillAsync("input[name=annotators]", "ann1, ann2");
        await admin.ClickAsync("#round-form button[type=submit]");
        await admin.WaitForSelectorAsync("#rounds a");

        var ann1 = await SignInAsync("ann1");
        await ann1.GotoAsync(_server.BaseUrl + "/review/1");
        await ann1.WaitForSelectorAsync("#question");
        await ann1.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotDir, "review-page.png"), FullPage = true });
        await ann1.Keyboard.PressAsync("a");
        await ann1.WaitForSelectorAsync("text=السجل 2 من");
        await ann1.SelectOptionAsync("#reason", "wrong-medicine");
        await ann1.ClickAsync("#btn-reject");
        await ann1.WaitForSelectorAsync("text=السجل 3 من");
        await ann1.FillAsync("#edited", "إجابة معدّلة: راجع طبيب الأسرة، واشرب السوائل.");
        await ann1.ClickAsync("#btn-edit");
        await ann1.WaitForSelectorAsync("text=السجل 4 من");

        var ann2 = await SignInAsync("ann2");
        await ann2.GotoAsync(_server.BaseUrl + "/review/1");
        await ann2.WaitForSelectorAsync("text=السجل 1 من");
        await ann2.ClickAsync("#btn-accept");
        await ann2.WaitForSelectorAsync("text=السجل 2 من");
        await ann2.SelectOptionAsync("#reason", "wrong-medicine");
        await ann2.ClickAsync("#btn-reject");
        await ann2.WaitForSelectorAsync("text=السجل 3 من");
        await ann2.ClickAsync("#btn-accept");
        await ann2.WaitForSelectorAsync("text=السجل 4 من");

        await admin.GotoAsync(_server.BaseUrl + "/admin");
        var kappa = await admin.InnerTextAsync("td.kappa[data-round='1']");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotDir, "admin-kappa.png"), FullPage = true });
        output.WriteLine("kappa cell: " + kappa);
        // Pairs (accept,accept), (reject,reject), (edit,accept): po = 2/3, pe = 1/3, κ = 0.5.
        Assert.Equal("Cohen 0.50", kappa.Trim());
        await admin.GotoAsync(_server.BaseUrl + "/admin/rounds/1");
        Assert.Equal(1, await admin.Locator(".adjudicate").CountAsync());
    }

    [Fact]
    public async Task Chat_streams_an_answer_and_shows_the_urgent_notice_for_a_red_flag()
    {
        var page = await SignInAsync("expert1");
        await page.GotoAsync(_server.BaseUrl + "/chat");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await page.FillAsync("#question", "ما أسباب تساقط الشعر عند النساء؟");
        await page.ClickAsync("#send");
        var answer = page.Locator(".msg.bot[data-state=done]").First;
        await answer.WaitForAsync(new LocatorWaitForOptions { Timeout = 15000 });
        Assert.Contains("rec-04", await answer.InnerTextAsync(), StringComparison.Ordinal);

        await page.FillAsync("#question", "ابني عمره شهرين وحرارته ٣٩ ومش بيرضع");
        await page.ClickAsync("#send");
        var urgent = page.Locator(".msg.bot.urgent");
        await urgent.WaitForAsync(new LocatorWaitForOptions { Timeout = 15000 });
        Assert.StartsWith(SafetyMessages.UrgentHeading, (await urgent.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotDir, "chat-urgent.png"), FullPage = true });
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ar", ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", ShifaServer.Password);
        await page.ClickAsync("#login");
        await page.WaitForURLAsync(_server.BaseUrl + "/");
        return page;
    }
}
