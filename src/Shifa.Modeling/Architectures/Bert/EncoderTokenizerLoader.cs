// Picks the tokenizer an encoder folder's model_type calls for.
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>
/// Loads the tokenizer of a Hugging Face encoder folder by its <c>config.json</c>: WordPiece for
/// <c>bert</c>, SentencePiece with fairseq ids for <c>xlm-roberta</c>, byte-level BPE for <c>roberta</c>.
/// </summary>
public static class EncoderTokenizerLoader
{
    /// <summary>Loads the tokenizer of <paramref name="folder"/>, reading its config.</summary>
    public static IEncoderTokenizer Load(string folder) => Load(folder, BertConfig.Load(folder));

    /// <summary>Loads the tokenizer of <paramref name="folder"/> for an already read <paramref name="config"/>.</summary>
    public static IEncoderTokenizer Load(string folder, BertConfig config)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(config);
        return config.ModelType switch
        {
            "xlm-roberta" => XlmRobertaTokenizer.Load(folder),
            "roberta" => RobertaTokenizer.Load(folder),
            _ => BertTokenizer.Load(folder),
        };
    }
}
