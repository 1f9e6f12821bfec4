// Per-layer key/value cache for incremental decoding, written in place into pre-allocated buffers.
using static TorchSharp.torch;

namespace Shifa.Modeling.Generation;

/// <summary>
/// Keys and values of every layer for the tokens seen so far, shaped (batch, kv_heads, seen, head_dim).
/// Each layer's buffer is allocated once for <c>capacity</c> positions on the first append and each step is copied into
/// it, so a decode step costs two small copies instead of re-concatenating the whole history; a sequence longer than
/// the capacity grows the buffer by doubling. The buffers live outside any dispose scope: dispose the cache when
/// generation ends. The views returned by <see cref="Append"/> are valid until the next append to that layer.
/// </summary>
public sealed class KvCache : IDisposable
{
    private readonly Tensor?[] _keys;
    private readonly Tensor?[] _values;
    private readonly long[] _lengths;
    private readonly long _capacity;

    /// <summary>Creates an empty cache for a model with <paramref name="layers"/> blocks.</summary>
    /// <param name="layers">Number of transformer blocks.</param>
    /// <param name="capacity">Positions to allocate room for up front (prompt plus new tokens); the cache grows past it if needed.</param>
    public KvCache(int layers, int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _keys = new Tensor?[layers];
        _values = new Tensor?[layers];
        _lengths = new long[layers];
        _capacity = capacity;
    }

    /// <summary>Number of positions cached (the position of the next token).</summary>
    public long Length => _lengths[0];

    /// <summary>Appends this step's keys and values of one layer and returns the whole history of that layer.</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor keys, Tensor values)
    {
        long at = _lengths[layer], time = keys.shape[2];
        if (_keys[layer] is null || at + time > _keys[layer]!.shape[2])
        {
            long room = Math.Max(Math.Max(_capacity, 2 * at), at + time);
            _keys[layer] = Grow(_keys[layer], keys, at, room);
            _values[layer] = Grow(_values[layer], values, at, room);
        }
        using (no_grad())
        {
            _keys[layer]!.narrow(2, at, time).copy_(keys);       // (B, kv, T, hd) written in place
            _values[layer]!.narrow(2, at, time).copy_(values);   // (B, kv, T, hd)
        }
        _lengths[layer] = at + time;
        return (_keys[layer]!.narrow(2, 0, at + time), _values[layer]!.narrow(2, 0, at + time));   // (B, kv, seen, hd) views
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            _keys[i]?.Dispose();
            _values[i]?.Dispose();
            _keys[i] = _values[i] = null;
            _lengths[i] = 0;
        }
    }

    /// <summary>A buffer (B, kv, room, hd) shaped like <paramref name="step"/> holding the first <paramref name="filled"/> positions of <paramref name="past"/>.</summary>
    private static Tensor Grow(Tensor? past, Tensor step, long filled, long room)
    {
        var buffer = empty([step.shape[0], step.shape[1], room, step.shape[3]], dtype: step.dtype, device: step.device);
        if (past is not null)
        {
            using (no_grad()) buffer.narrow(2, 0, filled).copy_(past.narrow(2, 0, filled));
            past.Dispose();
        }
        return buffer.DetachFromDisposeScope();
    }
}
