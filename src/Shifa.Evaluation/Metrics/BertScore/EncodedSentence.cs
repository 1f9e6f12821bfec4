namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>Token ids of a sentence and its (L2-normalised) token vectors, row-major.</summary>
/// <param name="Ids">Token ids including [CLS] and [SEP].</param>
/// <param name="Vectors">Ids.Length × dimension values.</param>
internal sealed record EncodedSentence(int[] Ids, float[] Vectors);
