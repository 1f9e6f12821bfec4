// Bearer API-key authentication for /v1, answering failures in OpenAI's error format.
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shifa.Web.OpenAiApi;

/// <summary>Authenticates <c>Authorization: Bearer sk-shifa-…</c> against <see cref="ApiKeyStore"/>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>Claim carrying the key id (the rate-limit partition).</summary>
    public const string KeyIdClaim = "shifa:key_id";

    /// <summary>Claim present (value <c>off</c>) when the key was created without the disclaimer.</summary>
    public const string NoDisclaimerClaim = "shifa:no_disclaimer";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = keys.Verify(header["Bearer ".Length..].Trim());
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown or revoked API key."));
        }

        var identity = new ClaimsIdentity([new Claim(KeyIdClaim, key.Id), new Claim(ClaimTypes.Name, key.Name)], SchemeName);
        if (!key.AppendDisclaimer)
        {
            identity.AddClaim(new Claim(NoDisclaimerClaim, "off"));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        OpenAiErrors.WriteAsync(Context, 401, "Missing or invalid API key. Create one with `shifa serve key add --workspace DIR --name NAME` and send it as `Authorization: Bearer KEY`.", "invalid_request_error", "invalid_api_key");
}
