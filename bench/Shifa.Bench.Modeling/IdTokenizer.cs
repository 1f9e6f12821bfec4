using Shifa.Modeling.Tokenization;

namespace Shifa.Bench.Modeling;

/// <summary>Maps ids to themselves; decoding speed is measured on token ids, so no real vocabulary is needed.</summary>
internal sealed class IdTokenizer(int vocabSize) : ITextTokenizer
{
    public int VocabSize => vocabSize;
    public int? BosId => null;
    public int? EosId => null;
    public int? PadId => null;
    public int[] Encode(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) => string.Join(' ', ids);
}
