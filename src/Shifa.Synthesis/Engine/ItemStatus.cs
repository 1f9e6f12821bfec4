namespace Shifa.Synthesis.Engine;

/// <summary>State of a work item in <c>synth_items</c>.</summary>
public enum ItemStatus
{
    /// <summary>Not done yet (also items in flight when a run was killed).</summary>
    Pending,
    /// <summary>Response committed and its records stored.</summary>
    Done,
    /// <summary>Gave up after bounded retries; the reason and raw text are kept.</summary>
    Failed,
}
