namespace Shifa.Cli.Pipeline.Config;

/// <summary>Thrown before any work when a configuration file is invalid; lists every problem found.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>The problems, each naming its key.</summary>
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
