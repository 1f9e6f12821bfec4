namespace Shifa.Evaluation.Metrics.Rouge;

/// <summary>How ROUGE splits text into tokens.</summary>
public enum RougeTokenization
{
    /// <summary>
    /// Letters, marks and digits of any script (lowercased); everything else separates tokens.
    /// Keeps Arabic, including its diacritics, inside words. Shifa's default.
    /// </summary>
    Unicode,

    /// <summary>
    /// rouge-score's default: lowercase, then only <c>[a-z0-9]</c> survive. Deletes all Arabic, so
    /// Arabic text scores 0; offered only to reproduce English numbers from that package.
    /// </summary>
    LatinOnly,
}
