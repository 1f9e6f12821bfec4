// RoBERTa's tokenizer for encoders: GPT-2 byte-level BPE with <s>/</s> around the text (transformers' RobertaTokenizer).
using Shifa.Modeling.Architectures.Bert;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Byte-level BPE (<c>vocab.json</c> + <c>merges.txt</c> or <c>tokenizer.json</c>) with RoBERTa's
/// <c>&lt;s&gt;</c>, <c>&lt;pad&gt;</c>, <c>&lt;/s&gt;</c> taken from the vocabulary. A space is put
/// in front of the text (<c>add_prefix_space=True</c>), as bert_score asks of GPT-2-style
/// tokenizers, so the first word is encoded like every other word.
/// </summary>
public sealed class RobertaTokenizer : IEncoderTokenizer
{
    private readonly MlTokenizerAdapter _bpe;

    /// <summary>Wraps a byte-level BPE vocabulary that holds RoBERTa's special tokens.</summary>
    public RobertaTokenizer(ByteLevelBpeModel model, string source = "vocabulary")
    {
        ArgumentNullException.ThrowIfNull(model);
        _bpe = TokenizerLoader.LoadByteLevelBpe(model);
        ClsId = Require(model, "<s>", source);
        SepId = Require(model, "</s>", source);
        PadId = Require(model, "<pad>", source);
    }

    /// <summary>Id of <c>&lt;s&gt;</c>.</summary>
    public int ClsId { get; }

    /// <summary>Id of <c>&lt;/s&gt;</c>.</summary>
    public int SepId { get; }

    /// <summary>Id of <c>&lt;pad&gt;</c>.</summary>
    public int PadId { get; }

    /// <summary>Loads the byte-level BPE files of a RoBERTa folder.</summary>
    public static RobertaTokenizer Load(string folder) => new(HfTokenizerReader.Read(folder), folder);

    /// <summary>Ids of <paramref name="text"/> with a space put in front, without <c>&lt;s&gt;</c>/<c>&lt;/s&gt;</c>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // transformers adds the space only when the text does not already start with whitespace.
        return _bpe.Encode(text.Length > 0 && !char.IsWhiteSpace(text[0]) ? " " + text : text);
    }

    /// <inheritdoc/>
    public int[] EncodeSentence(string text, int maxLength)
    {
        return SentenceIds.Frame(ClsId, text.Length == 0 ? [] : Encode(text), SepId, maxLength);
    }

    private static int Require(ByteLevelBpeModel model, string token, string source) =>
        model.Vocabulary.TryGetValue(token, out var id) || model.SpecialTokens.TryGetValue(token, out id)
            ? id
            : throw new InvalidDataException($"{source}: the vocabulary has no '{token}' token; RoBERTa inputs need <s>, </s> and <pad>.");
}
