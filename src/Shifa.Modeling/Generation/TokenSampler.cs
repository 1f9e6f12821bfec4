// Next-token choice from one logits vector: repetition penalty, temperature, top-k, top-p, then argmax or sampling.
using static TorchSharp.torch;

namespace Shifa.Modeling.Generation;

/// <summary>Turns next-token logits into a token id under <see cref="GenerationOptions"/> (Hugging Face's logits processors, in their order).</summary>
public sealed class TokenSampler
{
    private readonly GenerationOptions _options;
    private readonly Generator? _generator;

    /// <summary>Creates a sampler; sampling draws from a generator seeded by <see cref="GenerationOptions.Seed"/>.</summary>
    public TokenSampler(GenerationOptions options)
    {
        _options = options;
        if (options.Temperature > 0)
        {
            _generator = new Generator((ulong)(options.Seed ?? Random.Shared.NextInt64()));
        }
    }

    /// <summary>Picks the next token from <paramref name="logits"/> (vocab) given the ids seen so far.</summary>
    public int Next(Tensor logits, IReadOnlyCollection<int> seen)
    {
        using var scope = NewDisposeScope();
        if (_options.Temperature == 0 && (_options.RepetitionPenalty == 1 || seen.Count == 0))
        {
            return (int)logits.argmax().item<long>();   // greedy: the only host sync of a step
        }
        var scores = logits.to_type(ScalarType.Float32).clone();                         // (V)
        if (_options.RepetitionPenalty != 1 && seen.Count > 0)
        {
            var ids = tensor(seen.Distinct().Select(i => (long)i).ToArray(), device: scores.device);
            var picked = scores.index_select(0, ids);
            // Positive logits shrink and negative ones grow more negative, so the penalty always lowers probability.
            var penalised = where(picked.gt(0), picked.div(_options.RepetitionPenalty), picked.mul(_options.RepetitionPenalty));
            scores.index_copy_(0, ids, penalised);
        }
        if (_options.Temperature == 0)
        {
            return (int)scores.argmax().item<long>();
        }
        scores = scores.div(_options.Temperature);
        if (_options.TopK > 0 && _options.TopK < scores.shape[0])
        {
            var (largest, _) = scores.topk(_options.TopK);                                  // (k), descending
            var kth = largest[-1];
            scores = scores.masked_fill(scores.lt(kth), double.NegativeInfinity);
        }
        if (_options.TopP < 1)
        {
            var (sorted, order) = scores.sort(descending: true);                         // (V), (V)
            var cumulative = sorted.softmax(0).cumsum(0);                                 // (V)
            // Drop a token when the tokens before it already reach p; the most likely token always stays.
            var drop = cumulative.sub(sorted.softmax(0)).ge(_options.TopP);
            var dropInVocabularyOrder = zeros_like(drop).scatter_(0, order, drop);          // (V)
            scores = scores.masked_fill(dropInVocabularyOrder, double.NegativeInfinity);
        }
        var probabilities = scores.softmax(0);
        return (int)probabilities.multinomial(1, generator: _generator).item<long>();
    }
}
