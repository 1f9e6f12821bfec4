namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>
/// What BERTScore needs from a model: BERT-style token ids (with <c>[CLS]</c> and <c>[SEP]</c>)
/// and the hidden state of one layer for each token.
/// </summary>
public interface IBertScoreEncoder
{
    /// <summary>Model name as it should appear in the signature (e.g. <c>bert-base-multilingual-cased</c>).</summary>
    string ModelName { get; }

    /// <summary>Layer whose hidden states are returned (0 = embeddings).</summary>
    int Layer { get; }

    /// <summary>Id of the classification token that opens every input.</summary>
    int ClsId { get; }

    /// <summary>Id of the separator token that closes every input.</summary>
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
