// Admin pages: create rounds, watch agreement, adjudicate disagreements, read acceptance estimates.
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Shifa.Web.Accounts;
using static Shifa.Web.Html.HtmlPage;

namespace Shifa.Web.Review;

/// <summary>Maps <c>/admin</c>.</summary>
public static class AdminPages
{
    /// <summary>Maps the admin pages (admin role only).</summary>
    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/admin").RequireAuthorization(ShifaRoles.Admin);
        g.MapGet("/", async (HttpContext http, ReviewStore store, UserManager<IdentityUser> users) =>
            Render(http, "الإدارة", await Dashboard(http, store, users, null).ConfigureAwait(false)));
        g.MapPost("/rounds", async (HttpContext http, [FromForm] string name, [FromForm] double margin, [FromForm] double confidence, [FromForm] double overlap,
            [FromForm] string annotators, [FromForm] int? seed, ReviewStore store, UserManager<IdentityUser> users) =>
        {
            var list = annotators.Split([',', '،', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            try
            {
                foreach (var a in list)
                {
                    var u = await users.FindByNameAsync(a).ConfigureAwait(false);
                    if (u is null || !await users.IsInRoleAsync(u, ShifaRoles.Annotator).ConfigureAwait(false))
                    {
                        throw new ArgumentException($"'{a}' is not an annotator account.");
                    }
                }

                store.CreateRound(new ReviewRoundRequest(name, margin, confidence, overlap, list, seed ?? 17, http.User.Identity!.Name!));
            }
            catch (ArgumentException ex)
            {
                return Render(http, "الإدارة", await Dashboard(http, store, users, ex.Message).ConfigureAwait(false), 400);
            }

            return Results.Redirect("/admin");
        });
        g.MapGet("/rounds/{roundId:int}", (HttpContext http, int roundId, ReviewStore store) => RoundPage(http, store, roundId));
        g.MapPost("/rounds/{roundId:int}/adjudicate/{recordId}", (HttpContext http, int roundId, string recordId, [FromForm] string verdict, [FromForm] string? note, ReviewStore store) =>
        {
            store.Adjudicate(roundId, recordId, http.User.Identity!.Name!, verdict, note);
            return Results.Redirect($"/admin/rounds/{roundId}");
        });
        return routes;
    }

    private static async Task<string> Dashboard(HttpContext http, ReviewStore store, UserManager<IdentityUser> users, string? error)
    {
        var annotators = await users.GetUsersInRoleAsync(ShifaRoles.Annotator).ConfigureAwait(false);
        var sb = new StringBuilder();
        if (error is not null)
        {
            sb.Append("<p class=\"error\">").Append(E(error)).Append("</p>");
        }

        sb.Append("<div class=\"card\"><h2>الجولات</h2><table id=\"rounds\"><tr><th>الجولة</th><th>المجتمع</th><th>العينة</th><th>التداخل</th><th>المنجز</th><th>كابا</th></tr>");
        foreach (var r in store.Rounds())
        {
            var a = store.Agreement(r.Id);
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/admin/rounds/{r.Id}\">{E(r.Name)}</a></td><td>{r.Population}</td><td>{r.SampleSize}</td><td>{r.Overlap:P0}</td><td>{r.Reviewed} / {r.Assignments}</td><td class=\"kappa\" data-round=\"{r.Id}\">{Kappa(a)}</td></tr>");
        }

        sb.Append("</table></div><div class=\"card\"><h2>معدل القبول حسب المزوّد (فاصل ويلسون 95%)</h2><table id=\"acceptance\"><tr><th>المزوّد</th><th>مقبول / محسوم</th><th>المعدل</th><th>الفاصل</th></tr>");
        foreach (var p in store.AcceptanceByProvider())
        {
            var i = p.Interval;
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td dir=\"auto\">{E(p.Provider)}</td><td>{i.Successes} / {i.Total}</td><td>{i.Rate:P1}</td><td dir=\"ltr\">[{i.Low:P1}, {i.High:P1}]</td></tr>");
        }

        sb.Append("</table></div>");
        sb.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/admin/rounds" class="card" id="round-form">{Antiforgery(http)}
            <h2>جولة جديدة</h2>
            <label>الاسم <input name="name" required></label>
            <div class="row"><label>هامش الخطأ <select name="margin"><option value="0.05">±5%</option><option value="0.1">±10%</option><option value="0.15">±15%</option><option value="0.25">±25%</option></select></label>
            <label>الثقة <select name="confidence"><option value="0.95">95%</option><option value="0.9">90%</option><option value="0.99">99%</option></select></label>
            <label>نسبة التداخل <input name="overlap" value="0.2" size="4"></label></div>
            <label>المراجِعون (مفصولون بفواصل): <span class="label">{E(string.Join("، ", annotators.Select(u => u.UserName)))}</span><input name="annotators" dir="ltr"></label>
            <div class="row"><button class="primary" type="submit">إنشاء</button></div>
            </form>
            """);
        return sb.ToString();
    }

    private static IResult RoundPage(HttpContext http, ReviewStore store, int roundId)
    {
        var round = store.Rounds().FirstOrDefault(r => r.Id == roundId);
        if (round is null)
        {
            return Render(http, "غير موجودة", "<div class=\"card error\">لا توجد جولة بهذا الرقم.</div>", 404);
        }

        var a = store.Agreement(roundId);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><p>سجلات مشتركة: {a.OverlapItems}</p><p>كوهين κ: <span class=\"kappa\" id=\"cohen\">{Fmt(a.CohenKappa)}</span> · فلايس κ: <span id=\"fleiss\">{Fmt(a.FleissKappa)}</span></p></div>");
        sb.Append("<h2>قائمة الحسم</h2>");
        foreach (var id in a.Disagreements)
        {
            sb.Append("<div class=\"card adjudicate\"><p class=\"label\" dir=\"ltr\">").Append(E(id)).Append("</p><ul>");
            foreach (var r in store.ReviewsOf(roundId, id))
            {
                sb.Append("<li>").Append(E(r.Annotator)).Append(": ").Append(E(r.Verdict)).Append(' ').Append(E(r.Reason)).Append("</li>");
            }

            sb.Append("</ul><form method=\"post\" action=\"/admin/rounds/").Append(roundId).Append("/adjudicate/").Append(E(Uri.EscapeDataString(id))).Append("\">")
              .Append(Antiforgery(http))
              .Append("<div class=\"row\"><input name=\"note\" placeholder=\"ملاحظة\"><button name=\"verdict\" value=\"accept\">قبول</button><button name=\"verdict\" value=\"reject\">رفض</button></div></form></div>");
        }

        if (a.Disagreements.Count == 0)
        {
            sb.Append("<p>لا توجد خلافات مفتوحة.</p>");
        }

        return Render(http, "الجولة: " + round.Name, sb.ToString());
    }

    private static string Kappa(RoundAgreement a) =>
        !double.IsNaN(a.FleissKappa) ? "Fleiss " + Fmt(a.FleissKappa) : !double.IsNaN(a.CohenKappa) ? "Cohen " + Fmt(a.CohenKappa) : "—";

    private static string Fmt(double v) => double.IsNaN(v) ? "—" : v.ToString("F2", CultureInfo.InvariantCulture);
}
