namespace Shifa.Cli.Pipeline;

/// <summary>What a run will do: each stage with whether it is up to date and why not.</summary>
/// <param name="Steps">Stages in execution order.</param>
public sealed record PipelinePlan(IReadOnlyList<PlanStep> Steps)
{
    /// <summary>Estimated spend of the stages that will run.</summary>
    public decimal EstimatedCostUsd => Steps.Where(s => s.WillRun).Sum(s => s.EstimatedCostUsd);

    /// <summary>The plan as printable lines.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var s in Steps)
        {
            yield return $"{(s.WillRun ? "run " : "skip")}  {s.Key,-28} {s.Description}{(s.WillRun ? $"  [{s.Reason}]" : "  [up to date]")}";
        }

        yield return $"estimated API cost of this run: ${EstimatedCostUsd:0.00}";
    }
}

/// <summary>One planned stage.</summary>
/// <param name="Key">Stage key.</param>
/// <param name="Description">What it does.</param>
/// <param name="WillRun">False when up to date.</param>
/// <param name="Reason">Why it runs (never ran, input changed, config changed, code changed).</param>
/// <param name="InputHash">Current input hash.</param>
/// <param name="ConfigHash">Current config hash.</param>
/// <param name="EstimatedCostUsd">Spend estimate.</param>
public sealed record PlanStep(string Key, string Description, bool WillRun, string Reason, string InputHash, string ConfigHash, decimal EstimatedCostUsd);
