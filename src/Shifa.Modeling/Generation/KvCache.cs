// Per-layer key/value cache for incremental decoding.
using static TorchSharp.torch;

namespace Shifa.Modeling.Generation;

/// <summary>
/// Keys and values of every layer for the tokens seen so far, shaped (batch, kv_heads, seen, head_dim).
/// The tensors live outside any dispose scope; dispose the cache when generation ends.
/// </summary>
public sealed class KvCache : IDisposable
{
    private readonly Tensor?[] _keys;
    private readonly Tensor?[] _values;

    /// <summary>Creates an empty cache for a model with <paramref name="layers"/> blocks.</summary>
    public KvCache(int layers)
    {
        _keys = new Tensor?[layers];
        _values = new Tensor?[layers];
    }

    /// <summary>Number of positions cached (the position of the next token).</summary>
    public long Length => _keys[0]?.shape[2] ?? 0;

    /// <summary>Appends this step's keys and values of one layer and returns the whole history of that layer.</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor keys, Tensor values)
    {
        _keys[layer] = Concat(_keys[layer], keys);
        _values[layer] = Concat(_values[layer], values);
        return (_keys[layer]!, _values[layer]!);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            _keys[i]?.Dispose();
            _values[i]?.Dispose();
            _keys[i] = _values[i] = null;
        }
    }

    private static Tensor Concat(Tensor? past, Tensor step)
    {
        var joined = past is null ? step.detach().clone() : cat([past, step.detach()], 2);  // (B, kv, seen + t, hd)
        past?.Dispose();
        return joined.DetachFromDisposeScope();
    }
}
