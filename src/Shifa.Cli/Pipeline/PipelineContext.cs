using Shifa.Cli.Pipeline.Config;
using Shifa.Core.Storage;

namespace Shifa.Cli.Pipeline;

/// <summary>What every stage of a run can see.</summary>
/// <param name="Config">The validated configuration.</param>
/// <param name="ConfigPath">Path of the configuration file.</param>
/// <param name="Workspace">The workspace.</param>
/// <param name="Log">Progress lines (plain text; the CLI decides how to render them).</param>
public sealed record PipelineContext(PipelineConfig Config, string ConfigPath, Workspace Workspace, Action<string> Log);
