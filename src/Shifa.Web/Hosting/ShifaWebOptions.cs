namespace Shifa.Web.Hosting;

/// <summary>Settings of the Shifa web app; the CLI binds them from <c>shifa serve</c> options.</summary>
public sealed record ShifaWebOptions
{
    private readonly int _apiRequestsPerMinute = 60;
    private readonly string _urls = "http://127.0.0.1:5080";

    /// <summary>Workspace folder (holds shifa.db and identity.db).</summary>
    public required string WorkspaceDirectory { get; init; }

    /// <summary>Listen URLs, separated by ';'. Loopback by default; anything else must be asked for.</summary>
    public string Urls
    {
        get => _urls;
        init => _urls = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Urls must name at least one address, e.g. http://127.0.0.1:5080.", nameof(value)) : value;
    }

    /// <summary>
    /// Your own labelled red-flag sets (<c>label, category, dialect, text</c> files, see
    /// <c>samples/safety/README.md</c>) that the learned screen trains on together with the built-in
    /// ones: messages from your users' population, in their dialect. Read when the app is created; a
    /// malformed line stops it with the file, line and field.
    /// </summary>
    public IReadOnlyList<string> SafetySets { get; init; } = [];

    /// <summary>Model id reported by <c>/v1/models</c> and in responses.</summary>
    public string ModelName { get; init; } = "shifa";

    /// <summary>Chat-completion requests each API key may make per minute.</summary>
    public int ApiRequestsPerMinute
    {
        get => _apiRequestsPerMinute;
        init => _apiRequestsPerMinute = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "ApiRequestsPerMinute must be positive.");
    }
}
