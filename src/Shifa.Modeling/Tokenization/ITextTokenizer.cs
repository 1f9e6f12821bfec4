// The minimal tokenizer contract the models, trainer and generator need; loaders in this folder implement it.
namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Turns text into token ids and back. Implementations wrap a Hugging Face tokenizer folder
/// (byte-level BPE, SentencePiece, WordPiece) or a vocabulary trained by Shifa.
/// </summary>
public interface ITextTokenizer
{
    /// <summary>Size of the vocabulary, including special tokens; ids are in [0, VocabSize).</summary>
    int VocabSize { get; }

    /// <summary>Id of the beginning-of-sequence token, or null when the vocabulary has none.</summary>
    int? BosId { get; }

    /// <summary>Id of the end-of-sequence token, or null when the vocabulary has none.</summary>
    int? EosId { get; }

    /// <summary>Id used for padding, or null when the vocabulary has none.</summary>
    int? PadId { get; }

    /// <summary>
    /// Encodes text without adding BOS/EOS; special-token strings inside <paramref name="text"/>
    /// (for example a chat template's markers) map to their ids.
    /// </summary>
    int[] Encode(string text);

    /// <summary>Decodes ids back to text; special tokens are kept unless <paramref name="skipSpecialTokens"/>.</summary>
    string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false);
}
