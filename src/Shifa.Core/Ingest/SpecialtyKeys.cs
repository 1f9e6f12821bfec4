// Grouping key for specialty labels: spelling variants of one label map to one key.
using System.Text;

namespace Shifa.Core.Ingest;

/// <summary>Normalises free specialty labels into keys used for grouping and stratified splits.</summary>
public static class SpecialtyKeys
{
    /// <summary>The key of <paramref name="label"/>, or null when the label is empty.</summary>
    public static string? Of(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var sb = new StringBuilder(label.Length);
        foreach (var part in label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(part);
        }

        return sb.ToString().ToLowerInvariant();
    }
}
