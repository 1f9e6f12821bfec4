// What an encoder's tokenizer gives BERTScore and the encoder: model-ready ids with the family's special tokens.
namespace Shifa.Modeling.Architectures.Bert;

/// <summary>
/// Turns one sentence into the ids an encoder reads: <c>[CLS] … [SEP]</c> for BERT,
/// <c>&lt;s&gt; … &lt;/s&gt;</c> for RoBERTa and XLM-RoBERTa.
/// </summary>
public interface IEncoderTokenizer
{
    /// <summary>Id of the token that opens every input (<c>[CLS]</c> or <c>&lt;s&gt;</c>).</summary>
    int ClsId { get; }

    /// <summary>Id of the token that closes every input (<c>[SEP]</c> or <c>&lt;/s&gt;</c>).</summary>
    int SepId { get; }

    /// <summary>Id the encoder's batches are padded with.</summary>
    int PadId { get; }

    /// <summary>
    /// Ids of <paramref name="text"/> between the opening and closing tokens, keeping at most
    /// <paramref name="maxLength"/> ids in total (the text's tokens are cut from the end, as
    /// transformers' <c>truncation=True</c> does); empty text gives just the two special tokens.
    /// </summary>
    int[] EncodeSentence(string text, int maxLength);
}
