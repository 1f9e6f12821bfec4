// Causal (and sliding-window) masks for attention over cached plus new positions.
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures;

/// <summary>Builds boolean attention masks (true = may attend) when the plain causal flag is not enough.</summary>
public static class AttentionMask
{
    /// <summary>
    /// The mask for <paramref name="queries"/> new positions that follow <paramref name="past"/> cached ones,
    /// or null when scaled_dot_product_attention's own causal flag (no cache, no window) is exact: callers then
    /// pass <c>is_casual</c> when there is more than one query. Compute it once per forward pass, before any layer
    /// appends to the cache.
    /// Query i (absolute position past + i) may see key j when j ≤ past + i and, with a window w, j > past + i − w.
    /// </summary>
    public static Tensor? For(long queries, long past, int? window, Device device)
    {
        long keys = past + queries;
        bool windowBites = window is { } w && keys > w;
        if (past == 0 && !windowBites) return null;
        var q = arange(past, keys, device: device).unsqueeze(1);   // (queries, 1)
        var k = arange(0, keys, device: device).unsqueeze(0);      // (1, keys)
        var mask = k.le(q);                                        // (queries, keys)
        if (window is { } size) mask = mask.logical_and(k.gt(q.sub(size)));
        return mask;
    }
}
