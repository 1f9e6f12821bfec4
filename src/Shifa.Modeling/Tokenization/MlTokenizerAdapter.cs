// Presents a Microsoft.ML.Tokenizers tokenizer as Shifa's ITextTokenizer.
using Microsoft.ML.Tokenizers;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Wraps a <see cref="Tokenizer"/> from Microsoft.ML.Tokenizers (byte-level BPE, SentencePiece,
/// WordPiece/BERT). Encoding never adds BOS/EOS or [CLS]/[SEP]: the chat template and the data
/// collator decide where those go.
/// </summary>
public sealed class MlTokenizerAdapter : ITextTokenizer
{
    private readonly Func<string, IReadOnlyList<int>> _encode;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The library tokenizer.</param>
    /// <param name="vocabularySize">One more than the largest id it can produce.</param>
    /// <param name="specialTokens">Its special tokens.</param>
    /// <param name="bosId">Beginning-of-sequence id, if any.</param>
    /// <param name="eosId">End-of-sequence id, if any.</param>
    /// <param name="padId">Padding id, if any.</param>
    /// <param name="encode">How to encode without added specials; defaults to <see cref="Tokenizer.EncodeToIds(string, bool, bool)"/>.</param>
    public MlTokenizerAdapter(
        Tokenizer inner,
        int vocabularySize,
        IReadOnlyDictionary<string, int> specialTokens,
        int? bosId,
        int? eosId,
        int? padId,
        Func<string, IReadOnlyList<int>>? encode = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(specialTokens);
        Inner = inner;
        VocabSize = vocabularySize;
        SpecialTokens = specialTokens;
        BosId = bosId;
        EosId = eosId;
        PadId = padId;
        _encode = encode ?? (text => inner.EncodeToIds(text));
    }

    /// <summary>The wrapped library tokenizer.</summary>
    public Tokenizer Inner { get; }

    /// <inheritdoc />
    public int VocabSize { get; }

    /// <summary>Special tokens and their ids.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <inheritdoc />
    public int? BosId { get; }

    /// <inheritdoc />
    public int? EosId { get; }

    /// <inheritdoc />
    public int? PadId { get; }

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. _encode(text)];
    }

    /// <inheritdoc />
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids as IReadOnlyCollection<int> ?? ids.ToArray();
        if (skipSpecialTokens)
        {
            var special = SpecialTokens.Values.ToHashSet();
            list = list.Where(id => !special.Contains(id)).ToArray();
        }

        return Inner.Decode(list);
    }
}
