// Hands out exemplars of one specialty so every seed record is shown once before any is shown twice.
namespace Shifa.Synthesis.Planning;

internal sealed class ExemplarCycler(IReadOnlyList<string> ids, Random rng)
{
    private readonly List<string> _order = [];
    private int _next;

    public List<string> Take(int k)
    {
        k = Math.Min(k, ids.Count);
        var picked = new List<string>(k);
        while (picked.Count < k)
        {
            if (_next >= _order.Count)
            {
                Reshuffle();
            }

            var id = _order[_next];
            if (picked.Contains(id, StringComparer.Ordinal))
            {
                // The previous pass ended inside this item: a record may not appear twice in one item,
                // so move it behind the rest of this pass instead of dropping it.
                _order.RemoveAt(_next);
                _order.Add(id);
                continue;
            }

            picked.Add(id);
            _next++;
        }

        return picked;
    }

    private void Reshuffle()
    {
        _order.Clear();
        _order.AddRange(ids);
        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_order));
        _next = 0;
    }
}
