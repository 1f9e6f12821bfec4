// Server-rendered pages: one RTL layout, every interpolated value HTML-encoded, forms carrying an
// antiforgery token. Records hold arbitrary text (HTML included), so nothing is written raw.
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shifa.Web.Accounts;

namespace Shifa.Web.Html;

/// <summary>Builds HTML responses.</summary>
public static class HtmlPage
{
    // Arabic stays literal (readable source, smaller pages); markup characters are always escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes text for an element body or a quoted attribute.</summary>
    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>Hidden antiforgery field for a form.</summary>
    public static string Antiforgery(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>Antiforgery request token for script calls (sent as the <c>RequestVerificationToken</c> header).</summary>
    public static string AntiforgeryToken(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "";
    }

    /// <summary>A full page in the Shifa layout; <paramref name="body"/> must already be encoded.</summary>
    public static IResult Render(HttpContext http, string title, string body, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(http);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(title)).Append(" · شفاء</title><link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>")
          .Append("<header><a class=\"brand\" href=\"/\">شفاء</a><nav>").Append(Nav(http)).Append("</nav></header><main>")
          .Append("<h1>").Append(E(title)).Append("</h1>")
          .Append(body)
          .Append("</main><script src=\"/assets/site.js\"></script></body></html>");
        return Results.Content(sb.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string Nav(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return "<a href=\"/login\">تسجيل الدخول</a>";
        }

        var sb = new StringBuilder();
        if (user.IsInRole(ShifaRoles.Annotator))
        {
            sb.Append("<a href=\"/review\">المراجعة</a>");
        }

        if (user.IsInRole(ShifaRoles.Expert))
        {
            sb.Append("<a href=\"/rate\">التقييم</a>");
        }

        if (user.IsInRole(ShifaRoles.Admin))
        {
            sb.Append("<a href=\"/admin\">الإدارة</a>");
        }

        sb.Append("<a href=\"/chat\">المحادثة</a>");
        sb.Append("<span class=\"who\">").Append(E(user.Identity.Name)).Append("</span>");
        sb.Append("<form method=\"post\" action=\"/logout\" class=\"inline\">").Append(Antiforgery(http)).Append("<button type=\"submit\">خروج</button></form>");
        return sb.ToString();
    }
}
