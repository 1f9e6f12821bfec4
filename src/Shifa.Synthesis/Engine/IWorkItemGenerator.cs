using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Engine;

/// <summary>Produces the outcome of one work item (an LLM call with parsing, or the offline augmenter).</summary>
public interface IWorkItemGenerator
{
    /// <summary>Generates records for <paramref name="item"/>. Throws <see cref="Pipeline.BudgetExceededException"/> when the budget refuses the call, and the provider's error when it refuses the key or model (see <see cref="Pipeline.ErrorKinds.IsFatal"/>); the item then stays pending.</summary>
    Task<ItemOutcome> GenerateAsync(WorkItem item, CancellationToken cancellationToken = default);
}
