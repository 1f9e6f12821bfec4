// Sign-in, sign-out, home and access-denied pages.
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Shifa.Web.Html.HtmlPage;

namespace Shifa.Web.Accounts;

/// <summary>Maps the account pages.</summary>
public static class AccountPages
{
    /// <summary>Maps <c>/</c>, <c>/login</c>, <c>/logout</c> and <c>/denied</c>.</summary>
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext http) => Render(http, "مرحبًا", "<div class=\"card\"><p>اختر من القائمة: المراجعة للمراجِعين، والتقييم للخبراء، والإدارة للمشرفين، والمحادثة للجميع.</p></div>"));
        routes.MapGet("/login", (HttpContext http, string? returnUrl) => LoginForm(http, returnUrl, null)).AllowAnonymous();
        routes.MapPost("/login", async (HttpContext http, [FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl, SignInManager<IdentityUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return LoginForm(http, returnUrl, result.IsLockedOut ? "الحساب مقفل مؤقتًا بعد محاولات فاشلة." : "اسم المستخدم أو كلمة المرور غير صحيحة.", 401);
            }

            // Only local paths: an open redirect would let a phishing link bounce through Shifa.
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        routes.MapPost("/logout", async (SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        routes.MapGet("/denied", (HttpContext http) => Render(http, "غير مسموح", "<div class=\"card error\">ليست لديك صلاحية لفتح هذه الصفحة.</div>", 403)).AllowAnonymous();
        return routes;
    }

    private static IResult LoginForm(HttpContext http, string? returnUrl, string? error, int status = 200) =>
        Render(http, "تسجيل الدخول", $"""
            <form method="post" action="/login" class="card" id="login-form">
            {Antiforgery(http)}
            <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
            {(error is null ? "" : $"<p class=\"error\">{E(error)}</p>")}
            <label>اسم المستخدم <input name="userName" id="userName" autocomplete="username" dir="auto"></label>
            <label>كلمة المرور <input name="password" id="password" type="password" autocomplete="current-password"></label>
            <div class="row"><button class="primary" type="submit" id="login">دخول</button></div>
            </form>
            """, status);
}
