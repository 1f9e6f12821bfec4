using Microsoft.Data.Sqlite;
using Shifa.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Tests.Foundation;

/// <summary>Runs `shifa` commands in-process against a redirected (non-TTY) console and a temp folder.</summary>
public sealed class CliRun : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "shifa-cli-" + Guid.NewGuid().ToString("N"));

    public CliRun() => Directory.CreateDirectory(Root);

    public string Ws => Path.Combine(Root, "ws");

    public string PathOf(string name) => Path.Combine(Root, name);

    public string File(string name, string text)
    {
        var p = PathOf(name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    public (int Exit, string Output) Run(params string[] args) => RunWith(c => c.AddFoundationCommands(), args);

    /// <summary>Runs <paramref name="args"/> against the commands that <paramref name="register"/> adds.</summary>
    public (int Exit, string Output) RunWith(Action<IConfigurator> register, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("shifa");
            c.ConfigureConsole(console);
            register(c);
        });
        var exit = app.Run(args);
        return (exit, writer.ToString());
    }

    public static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
