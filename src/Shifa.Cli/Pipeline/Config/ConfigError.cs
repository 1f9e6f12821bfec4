namespace Shifa.Cli.Pipeline.Config;

/// <summary>One problem in a configuration file.</summary>
/// <param name="File">Configuration file.</param>
/// <param name="Key">JSON pointer of the offending key, e.g. <c>/synthesis/providers/0/count</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ConfigError(string File, string Key, string Message, string Fix)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {(Key.Length == 0 ? "/" : Key)}: {Message}. Fix: {Fix}";
}
