// The one tokenizer contract the models, trainer and generator depend on.
namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Turns text into token ids and back. Implementations: our byte-level BPE, and wrappers over
/// Microsoft.ML.Tokenizers for Hugging Face byte-level BPE, SentencePiece and WordPiece files.
/// </summary>
public interface ITextTokenizer
{
    /// <summary>Number of ids the tokenizer can produce (the embedding table must have at least this many rows).</summary>
    int VocabularySize { get; }

    /// <summary>Special tokens (such as <c>&lt;|endoftext|&gt;</c> or chat-role markers) and their ids.</summary>
    IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>Id of the end-of-sequence token, or null when the vocabulary has none.</summary>
    int? EndOfSequenceId { get; }

    /// <summary>Encodes text; special-token strings that occur in it are mapped to their ids.</summary>
    int[] Encode(string text);

    /// <summary>Decodes ids back to text; special tokens are rendered as their strings.</summary>
    string Decode(IEnumerable<int> ids);
}
