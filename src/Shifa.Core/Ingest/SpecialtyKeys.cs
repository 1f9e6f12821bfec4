// Grouping key for specialty labels: spelling variants of one label map to one key.
using Shifa.Core.Arabic;

namespace Shifa.Core.Ingest;

/// <summary>Normalises free specialty labels into keys used for grouping and stratified splits.</summary>
public static class SpecialtyKeys
{
    /// <summary>
    /// The key of <paramref name="label"/> (the matching form of <see cref="ArabicNormalizer.ForMatching"/>:
    /// alef/ya/ta-marbuta folded, diacritics removed, spaces collapsed), or null when the label is empty.
    /// </summary>
    public static string? Of(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var key = ArabicNormalizer.ForMatching.Normalize(label).Trim();
        return key.Length == 0 ? null : key;
    }
}
