using System.ComponentModel;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Providers;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Synthesis;

/// <summary>Options naming a provider and where providers and prices are configured.</summary>
internal class ProviderSettingsOption : SynthesisSettings
{
    [CommandOption("-p|--provider <NAME>")]
    [Description("Provider name: offline (default, no key needed), openai, gemini, or one from the providers file.")]
    [DefaultValue("offline")]
    public string Provider { get; init; } = "offline";

    [CommandOption("--providers <FILE>")]
    [Description("Providers file (JSON). Default: WORKSPACE/providers.json when present, else the built-in openai, gemini and offline entries.")]
    public string? ProvidersFile { get; init; }

    [CommandOption("--prices <FILE>")]
    [Description("Price table (JSON, USD per 1M tokens). Default: WORKSPACE/prices.json when present, else the built-in table.")]
    public string? PricesFile { get; init; }

    public ProvidersFile LoadProviders(string workspaceRoot)
    {
        var path = ProvidersFile ?? Path.Combine(workspaceRoot, "providers.json");
        return ProvidersFile is not null || File.Exists(path) ? global::Shifa.Synthesis.Providers.ProvidersFile.Load(path) : global::Shifa.Synthesis.Providers.ProvidersFile.Default;
    }

    public PriceTable LoadPrices(string workspaceRoot)
    {
        var path = PricesFile ?? Path.Combine(workspaceRoot, "prices.json");
        return PricesFile is not null || File.Exists(path) ? PriceTable.Load(path) : PriceTable.Default();
    }
}
