// Annotator pages: the rounds assigned to me, then one record at a time with keyboard shortcuts.
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Shifa.Web.Accounts;
using static Shifa.Web.Html.HtmlPage;

namespace Shifa.Web.Review;

/// <summary>Maps <c>/review</c>.</summary>
public static class ReviewPages
{
    /// <summary>Maps the annotator pages (annotator role only).</summary>
    public static IEndpointRouteBuilder MapReviewPages(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/review").RequireAuthorization(ShifaRoles.Annotator);
        g.MapGet("/", (HttpContext http, ReviewStore store) =>
        {
            var me = http.User.Identity!.Name!;
            var sb = new StringBuilder("<div class=\"card\"><table><tr><th>الجولة</th><th>المنجز</th><th></th></tr>");
            foreach (var r in store.Rounds(me))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Name)}</td><td>{r.Reviewed} / {r.Assignments}</td><td><a href=\"/review/{r.Id}\">ابدأ</a></td></tr>");
            }

            return Render(http, "جولات المراجعة", sb.Append("</table></div>").ToString());
        });
        g.MapGet("/{roundId:int}", (HttpContext http, int roundId, ReviewStore store) => ItemPage(http, store, roundId, null));
        g.MapPost("/{roundId:int}/{recordId}", (HttpContext http, int roundId, string recordId, [FromForm] string verdict, [FromForm] string? reason,
            [FromForm] string? edited, [FromForm] string? danger, ReviewStore store) =>
        {
            try
            {
                store.Submit(roundId, recordId, http.User.Identity!.Name!, verdict, string.IsNullOrEmpty(reason) ? null : reason, edited, danger == "on");
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                return ItemPage(http, store, roundId, ex.Message, 400);
            }

            return Results.Redirect($"/review/{roundId}");
        });
        return routes;
    }

    private static IResult ItemPage(HttpContext http, ReviewStore store, int roundId, string? error, int status = 200)
    {
        var item = store.Next(roundId, http.User.Identity!.Name!);
        if (item is null)
        {
            return Render(http, "انتهت المراجعة", "<div class=\"card\" id=\"queue-empty\">لا توجد سجلات أخرى لك في هذه الجولة. شكرًا لك.</div>", status);
        }

        var reasons = string.Concat(ReviewReasons.All.Select(r => $"<option value=\"{E(r.Key)}\">{E(r.Label)}</option>"));
        var body = $"""
            <p class="label">السجل {item.Done + 1} من {item.Total} · {E(item.Specialty)} · <span dir="ltr">{E(item.RecordId)}</span></p>
            {(error is null ? "" : $"<p class=\"error\" id=\"error\">{E(error)}</p>")}
            <div class="card"><div class="label">السؤال</div><div class="text" id="question">{E(item.Question)}</div></div>
            <div class="card"><div class="label">الإجابة</div><div class="text" id="answer">{E(item.Answer)}</div></div>
            <form method="post" action="/review/{roundId}/{Uri.EscapeDataString(item.RecordId)}" id="review-form" class="card">
            {Antiforgery(http)}
            <div class="row"><button class="primary" type="submit" name="verdict" value="accept" id="btn-accept">قبول <kbd>A</kbd></button></div>
            <div class="row"><select name="reason" id="reason"><option value="">— سبب الرفض —</option>{reasons}</select>
            <button class="danger" type="submit" name="verdict" value="reject" id="btn-reject">رفض <kbd>R</kbd></button></div>
            <label class="label" for="edited">تعديل الإجابة <kbd>E</kbd></label>
            <textarea name="edited" id="edited" rows="6" dir="auto">{E(item.Answer)}</textarea>
            <div class="row"><button type="submit" name="verdict" value="edit" id="btn-edit">حفظ التعديل</button>
            <label><input type="checkbox" name="danger" id="danger"> خطر طبي <kbd>D</kbd></label></div>
            </form>
            """;
        return Render(http, "مراجعة سجل", body, status);
    }
}
