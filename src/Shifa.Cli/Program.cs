// The `shifa` command: registration only; each command lives in Commands/ and calls one area.
using System.Text;
using Shifa.Cli.Commands;
using Spectre.Console.Cli;

Console.OutputEncoding = Encoding.UTF8;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("shifa");
    config.AddFoundationCommands()
        .AddProfileCommands()
        .AddSynthesisCommands()
        .AddCurationCommands()
        .AddModelingCommands()
        .AddEvaluationCommands()
        .AddServingCommands()
        .AddPipelineCommands();
    config.AddInteropCommands();
});

return await app.RunAsync(args);
