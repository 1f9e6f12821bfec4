using Spectre.Console;

namespace Shifa.Cli.Commands.Foundation;

/// <summary>
/// Writes plain text lines unwrapped: summary lines are read by scripts and CI logs, which Spectre's
/// soft wrapping at the console width (80 columns when redirected) would break apart.
/// </summary>
internal static class PlainOutput
{
    public static void Line(this IAnsiConsole console, string text)
    {
        var w = console.Profile.Out.Writer;
        w.WriteLine(text);
        w.Flush();
    }
}
