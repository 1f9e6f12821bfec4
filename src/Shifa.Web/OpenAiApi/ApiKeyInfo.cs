namespace Shifa.Web.OpenAiApi;

/// <summary>An active API key as <see cref="ApiKeyStore.Verify"/> finds it (never the secret).</summary>
/// <param name="Id">Key id, e.g. <c>key_0a1b2c3d4e5f</c>; the rate-limit partition.</param>
/// <param name="Name">Who or what uses the key.</param>
/// <param name="AppendDisclaimer">
/// Whether answers to this key end with the medical disclaimer. Off only for keys created for machine
/// consumers such as Shifa's synthesis engine; the red-flag screen and the dose filter apply either way.
/// </param>
public sealed record ApiKeyInfo(string Id, string Name, bool AppendDisclaimer);
