// The one place curation turns display text into matching text (Core's ForMatching preset), so every stage compares the same form.
using Shifa.Core.Arabic;
using Shifa.Core.Records;

namespace Shifa.Curation.Text;

/// <summary>Matching forms of record text: diacritics, tatweel and letter variants folded by <see cref="ArabicNormalizer.ForMatching"/>.</summary>
public static class MatchingText
{
    /// <summary>ForMatching-normalized text with whitespace collapsed.</summary>
    public static string Normalize(string text) => ArabicNormalizer.ForMatching.Normalize(text);

    /// <summary>The normalized question and answer joined by a newline: the unit of exact and near-duplicate matching.</summary>
    public static string Of(QaRecord record) => Join(Normalize(record.Question), Normalize(record.Answer));

    /// <summary>Joins normalized question and answer the way <see cref="Of"/> does.</summary>
    public static string Join(string normalizedQuestion, string normalizedAnswer) => normalizedQuestion + "\n" + normalizedAnswer;

    /// <summary>The display text given to embedders (they normalize on their own terms).</summary>
    public static string ForEmbedding(QaRecord record) => record.Question.Trim() + "\n" + record.Answer.Trim();
}
