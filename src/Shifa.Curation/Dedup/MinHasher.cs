// MinHash signatures over character shingles of matching text (Broder 1997), vectorized over permutations.
using System.Numerics;
using System.Runtime.InteropServices;

namespace Shifa.Curation.Dedup;

/// <summary>
/// Computes MinHash signatures of character k-shingles. Each shingle is hashed once to 32 bits
/// (FNV-1a then a murmur3 finalizer); permutation p is <c>a_p·x + b_p mod 2^32</c> with odd
/// <c>a_p</c>, a bijection, evaluated for all permutations at once with <see cref="Vector{T}"/>.
/// </summary>
public sealed class MinHasher
{
    private readonly uint[] _a;
    private readonly uint[] _b;

    /// <summary>Creates a hasher; equal arguments give equal signatures across runs and machines.</summary>
    public MinHasher(int shingleSize = 5, int permutations = 128, ulong seed = 0x5348494641UL)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        if (permutations < 1 || permutations % Vector<uint>.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(permutations), $"Permutations must be a positive multiple of {Vector<uint>.Count}.");
        }

        ShingleSize = shingleSize;
        Permutations = permutations;
        _a = new uint[permutations];
        _b = new uint[permutations];
        var s = seed;
        for (var i = 0; i < permutations; i++)
        {
            _a[i] = (uint)Next(ref s) | 1u;
            _b[i] = (uint)Next(ref s);
        }
    }

    /// <summary>Shingle length in characters.</summary>
    public int ShingleSize { get; }

    /// <summary>Signature length.</summary>
    public int Permutations { get; }

    /// <summary>Writes the signature of <paramref name="text"/> (already normalized) into <paramref name="signature"/>.</summary>
    public void Signature(string text, Span<uint> signature)
    {
        signature.Fill(uint.MaxValue);
        var mins = MemoryMarshal.Cast<uint, Vector<uint>>(signature);
        var av = MemoryMarshal.Cast<uint, Vector<uint>>(_a.AsSpan());
        var bv = MemoryMarshal.Cast<uint, Vector<uint>>(_b.AsSpan());
        foreach (var h in Shingles(text))
        {
            var x = new Vector<uint>(h);
            for (var i = 0; i < mins.Length; i++)
            {
                mins[i] = Vector.Min(mins[i], av[i] * x + bv[i]);
            }
        }
    }

    /// <summary>Signatures of many texts, in parallel, as one flat array (<c>texts × Permutations</c>).</summary>
    public uint[] Signatures(IReadOnlyList<string> texts)
    {
        var all = new uint[texts.Count * Permutations];
        Parallel.For(0, texts.Count, i => Signature(texts[i], all.AsSpan(i * Permutations, Permutations)));
        return all;
    }

    /// <summary>Share of equal slots: an unbiased estimate of the shingle-set Jaccard.</summary>
    public static double EstimateJaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return (double)same / a.Length;
    }

    /// <summary>Exact Jaccard of the two texts' shingle sets.</summary>
    public double ExactJaccard(string a, string b)
    {
        var sa = ShingleSet(a);
        var sb = ShingleSet(b);
        if (sa.Count == 0 && sb.Count == 0)
        {
            return 1;
        }

        var inter = sa.Count <= sb.Count ? sa.Count(sb.Contains) : sb.Count(sa.Contains);
        return (double)inter / (sa.Count + sb.Count - inter);
    }

    /// <summary>Distinct shingle hashes of a text.</summary>
    public HashSet<uint> ShingleSet(string text) => [.. Shingles(text)];

    /// <summary>Hashes of every shingle; a text shorter than one shingle yields itself as its only shingle.</summary>
    public IEnumerable<uint> Shingles(string text)
    {
        if (text.Length <= ShingleSize)
        {
            yield return Hash(text, 0, text.Length);
            yield break;
        }

        for (var i = 0; i + ShingleSize <= text.Length; i++)
        {
            yield return Hash(text, i, ShingleSize);
        }
    }

    private static uint Hash(string s, int start, int length)
    {
        var h = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            h = (h ^ s[i]) * 16777619u;
        }

        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        return h ^ (h >> 16);
    }

    private static ulong Next(ref ulong s)
    {
        var z = s += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
