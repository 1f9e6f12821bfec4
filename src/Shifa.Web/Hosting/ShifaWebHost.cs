// Composition of the Shifa web app: the CLI's `shifa serve` and the tests build it through here.
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shifa.Core.Storage;
using Shifa.Web.Accounts;
using Shifa.Web.Chat;
using Shifa.Web.Html;
using Shifa.Web.OpenAiApi;
using Shifa.Web.Rating;
using Shifa.Web.Retrieval;
using Shifa.Web.Review;
using Shifa.Web.Safety;
using Shifa.Web.Storage;

namespace Shifa.Web.Hosting;

/// <summary>Builds and maps the Shifa web app over a workspace.</summary>
public static class ShifaWebHost
{
    /// <summary>Service key of the safety-wrapped chat client every chat endpoint uses.</summary>
    public const string SafeChatKey = "shifa-safe-chat";

    /// <summary>
    /// Service key of the same safety layer without the appended disclaimer, used only for API keys
    /// created with <c>--no-disclaimer</c>; red-flag notices and the dose filter stay on.
    /// </summary>
    public const string SafeChatWithoutDisclaimerKey = "shifa-safe-chat-no-disclaimer";

    private const string BackendKey = "shifa-backend";

    /// <summary>
    /// Creates the app. <paramref name="backend"/> is the model (local or remote) behind the safety
    /// layer; when null, Shifa answers by retrieval over the workspace's vetted records.
    /// </summary>
    public static WebApplication Create(ShifaWebOptions options, IChatClient? backend = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ShifaWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.AddShifaWeb(options, backend);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapShifaWeb();
        return app;
    }

    /// <summary>Registers Shifa's services on <paramref name="builder"/>.</summary>
    public static WebApplicationBuilder AddShifaWeb(this WebApplicationBuilder builder, ShifaWebOptions options, IChatClient? backend = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var workspace = Workspace.Open(options.WorkspaceDirectory, WebSchema.Instance);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(workspace);
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<RatingStore>();
        // One backend behind two safety layers that differ only in the disclaimer; the container disposes it once.
        services.AddKeyedSingleton<IChatClient>(BackendKey, (_, _) => backend ?? new RetrievalChatClient(VettedCorpus.Load(workspace)));
        // Read the user's labelled sets now, so a bad line stops the start, not the first chat; train on first use.
        var extra = options.SafetySets.SelectMany(LabelledMessageReader.Read).ToList();
        services.AddSingleton(_ => extra.Count == 0 ? RedFlagDetector.Default : new RedFlagDetector(learned: UrgencyClassifier.Train([.. BundledLabelledSets.Read(), .. extra])));
        services.AddKeyedSingleton<IChatClient>(SafeChatKey, (sp, _) => new SafetyChatClient(
            new BorrowedChatClient(sp.GetRequiredKeyedService<IChatClient>(BackendKey)), sp.GetRequiredService<RedFlagDetector>(), logger: sp.GetRequiredService<ILogger<SafetyChatClient>>()));
        services.AddKeyedSingleton<IChatClient>(SafeChatWithoutDisclaimerKey, (sp, _) => new SafetyChatClient(
            new BorrowedChatClient(sp.GetRequiredKeyedService<IChatClient>(BackendKey)), sp.GetRequiredService<RedFlagDetector>(), new SafetyOptions { AppendDisclaimer = false },
            sp.GetRequiredService<ILogger<SafetyChatClient>>()));

        services.AddShifaIdentity(workspace.Root);
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "shifa.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ShifaRoles.Admin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(ShifaRoles.Admin))
            .AddPolicy(ShifaRoles.Annotator, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(ShifaRoles.Annotator))
            .AddPolicy(ShifaRoles.Expert, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(ShifaRoles.Expert))
            .AddPolicy(OpenAiEndpoints.Policy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "shifa.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(OpenAiEndpoints.RateLimitPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.ApiRequestsPerMinute,
                    TokensPerPeriod = options.ApiRequestsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await OpenAiErrors.WriteAsync(ctx.HttpContext, 429, $"Rate limit of {options.ApiRequestsPerMinute} requests per minute for this API key reached; retry later.", "requests", "rate_limit_exceeded").ConfigureAwait(false);
            };
        });
        return builder;
    }

    /// <summary>Adds Shifa's middleware and endpoints to <paramref name="app"/>.</summary>
    public static WebApplication MapShifaWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        AccountServices.EnsureCreatedAsync(app.Services).GetAwaiter().GetResult();

        // The learned red-flag screen trains on first use (seconds): start it now rather than on the first chat.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => app.Services.GetRequiredService<RedFlagDetector>()));
        app.Use(async (http, next) =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            await next(http).ConfigureAwait(false);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.MapSiteAssets();
        app.MapAccountPages();
        app.MapReviewPages();
        app.MapAdminPages();
        app.MapRatingPages();
        app.MapChatPage();
        app.MapOpenAiApi();
        return app;
    }
}
