// Expert pages: one item at a time, blind side-by-side or Likert; admins download the export.
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Shifa.Web.Accounts;
using static Shifa.Web.Html.HtmlPage;

namespace Shifa.Web.Rating;

/// <summary>Maps <c>/rate</c> and <c>/admin/ratings.jsonl</c>.</summary>
public static class RatingPages
{
    /// <summary>Maps the rating pages (expert role) and the export (admin role).</summary>
    public static IEndpointRouteBuilder MapRatingPages(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/rate").RequireAuthorization(ShifaRoles.Expert);
        g.MapGet("/", (HttpContext http, RatingStore store) => ItemPage(http, store, null));
        g.MapPost("/{itemId}/pairwise", (HttpContext http, string itemId, [FromForm] string choice, RatingStore store) =>
            Handle(http, store, () => store.RatePairwise(itemId, http.User.Identity!.Name!, choice)));
        g.MapPost("/{itemId}/likert", (HttpContext http, string itemId, [FromForm] int accuracy, [FromForm] int relevance, [FromForm] int safety, [FromForm] int fluency,
            [FromForm] string? hallucination, [FromForm] string? span, RatingStore store) =>
            Handle(http, store, () => store.RateLikert(itemId, http.User.Identity!.Name!, new LikertScores(accuracy, relevance, safety, fluency, hallucination == "on", span))));
        routes.MapGet("/admin/ratings.jsonl", (RatingStore store) =>
        {
            var sw = new StringWriter();
            store.Export(sw);
            return Results.File(Encoding.UTF8.GetBytes(sw.ToString()), "application/x-ndjson", "ratings.jsonl");
        }).RequireAuthorization(ShifaRoles.Admin);
        return routes;
    }

    private static IResult Handle(HttpContext http, RatingStore store, Action save)
    {
        try
        {
            save();
        }
        catch (ArgumentException ex)
        {
            return ItemPage(http, store, ex.Message, 400);
        }

        return Results.Redirect("/rate");
    }

    private static IResult ItemPage(HttpContext http, RatingStore store, string? error, int status = 200)
    {
        var rater = http.User.Identity!.Name!;
        var item = store.Next(rater);
        if (item is null)
        {
            return Render(http, "التقييم", "<div class=\"card\" id=\"rating-done\">لا توجد عناصر أخرى للتقييم.</div>", status);
        }

        var sb = new StringBuilder();
        if (error is not null)
        {
            sb.Append("<p class=\"error\">").Append(E(error)).Append("</p>");
        }

        sb.Append("<div class=\"card\"><div class=\"label\">السؤال</div><div class=\"text\">").Append(E(item.Question)).Append("</div></div>");
        var action = "/rate/" + Uri.EscapeDataString(item.Id);
        if (item.IsPairwise)
        {
            // System names never reach the page; the order is fixed per rater but balanced across raters.
            var firstIsA = RatingStore.ShownFirst(item, rater) == item.SystemA;
            var (first, second) = firstIsA ? (item.AnswerA, item.AnswerB!) : (item.AnswerB!, item.AnswerA);
            sb.Append("<div class=\"row\" id=\"pair\"><div class=\"card half\"><div class=\"label\">الإجابة الأولى</div><div class=\"text\">").Append(E(first))
              .Append("</div></div><div class=\"card half\"><div class=\"label\">الإجابة الثانية</div><div class=\"text\">").Append(E(second)).Append("</div></div></div>")
              .Append("<form method=\"post\" class=\"card\" action=\"").Append(action).Append("/pairwise\">").Append(Antiforgery(http))
              .Append("<div class=\"row\"><button name=\"choice\" value=\"first\">الأولى أفضل</button><button name=\"choice\" value=\"tie\">متساويتان</button><button name=\"choice\" value=\"second\">الثانية أفضل</button></div></form>");
        }
        else
        {
            sb.Append("<div class=\"card\"><div class=\"label\">الإجابة</div><div class=\"text\">").Append(E(item.AnswerA)).Append("</div></div>")
              .Append("<form method=\"post\" class=\"card\" id=\"likert\" action=\"").Append(action).Append("/likert\">").Append(Antiforgery(http)).Append("<div class=\"row\">");
            foreach (var (name, label) in new[] { ("accuracy", "الدقة"), ("relevance", "الصلة بالسؤال"), ("safety", "السلامة"), ("fluency", "سلامة اللغة") })
            {
                sb.Append("<label>").Append(label).Append(" <select name=\"").Append(name).Append("\">");
                for (var v = 1; v <= 5; v++)
                {
                    sb.Append("<option value=\"").Append(v).Append(v == 3 ? "\" selected>" : "\">").Append(v).Append("</option>");
                }

                sb.Append("</select></label>");
            }

            sb.Append("</div><label><input type=\"checkbox\" name=\"hallucination\"> تحتوي معلومة مختلقة</label>")
              .Append("<label class=\"label\">المقطع المختلق (انسخه من الإجابة)<textarea name=\"span\" rows=\"2\" dir=\"auto\"></textarea></label>")
              .Append("<div class=\"row\"><button class=\"primary\" type=\"submit\">حفظ التقييم</button></div></form>");
        }

        return Render(http, "تقييم إجابة", sb.ToString(), status);
    }
}
