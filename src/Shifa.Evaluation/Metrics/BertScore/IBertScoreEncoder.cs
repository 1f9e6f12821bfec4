namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>
/// What BERTScore needs from a model: token ids wrapped in the model's opening and closing tokens
/// (<c>[CLS]</c>/<c>[SEP]</c> for BERT, <c>&lt;s&gt;</c>/<c>&lt;/s&gt;</c> for RoBERTa and XLM-R)
/// and the hidden state of one layer for each token.
/// </summary>
public interface IBertScoreEncoder
{
    /// <summary>Model name as it should appear in the signature (e.g. <c>bert-base-multilingual-cased</c>).</summary>
    string ModelName { get; }

    /// <summary>Layer whose hidden states are returned (0 = embeddings).</summary>
    int Layer { get; }

    /// <summary>Id of the token that opens every input (<c>[CLS]</c> or <c>&lt;s&gt;</c>); it gets weight 0.</summary>
    int ClsId { get; }

    /// <summary>Id of the token that closes every input (<c>[SEP]</c> or <c>&lt;/s&gt;</c>); it gets weight 0.</summary>
    int SepId { get; }

    /// <summary>
    /// Token ids of an already stripped sentence: <c>[CLS] … [SEP]</c>, truncated to the model's
    /// maximum length; an empty sentence gives just <c>[CLS] [SEP]</c>.
    /// </summary>
    int[] Tokenize(string sentence);

    /// <summary>
    /// Hidden states for each id sequence: for sequence i, a row-major (length × <see cref="Dimension"/>) array.
    /// </summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<int[]> batch);

    /// <summary>Hidden size.</summary>
    int Dimension { get; }
}
