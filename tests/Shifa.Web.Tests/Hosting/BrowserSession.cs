using System.Net;
using System.Text.RegularExpressions;

namespace Shifa.Web.Tests.Hosting;

/// <summary>An HTTP client that signs in through the login form like a browser (cookies, antiforgery token).</summary>
public static partial class BrowserSession
{
    public static async Task<HttpClient> SignInAsync(ShifaServer server, string user)
    {
        var cookies = new CookieContainer();
        var client = server.Client(cookies);
        var token = await TokenAsync(client, "/login");
        var res = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = user,
            ["password"] = ShifaServer.Password,
        }));
        Assert.True(res.StatusCode == HttpStatusCode.Redirect, $"sign-in of {user} answered {(int)res.StatusCode}");
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var m = TokenField().Match(html);
        Assert.True(m.Success, $"no antiforgery field on {page}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex TokenField();
}
