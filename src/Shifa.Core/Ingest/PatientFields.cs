// Parsing of the patient's gender and age as sources write them (AraMed: ذكر/أنثى, "38 سنة").
using System.Globalization;

namespace Shifa.Core.Ingest;

/// <summary>Turns free-text gender and age cells into <c>male</c>/<c>female</c> and whole years.</summary>
public static class PatientFields
{
    /// <summary>Oldest age accepted; larger values (AraMed has "391 سنة") are typos and read as unknown.</summary>
    public const int MaxAge = 120;

    /// <summary><c>male</c>, <c>female</c> or null when absent or unknown (مجهول, غير معروف...).</summary>
    public static string? Gender(string? cell) => cell?.Trim().ToLowerInvariant() switch
    {
        "ذكر" or "male" or "m" or "man" or "رجل" => "male",
        "أنثى" or "انثى" or "أنثي" or "انثي" or "female" or "f" or "woman" or "امرأة" => "female",
        _ => null,
    };

    /// <summary>
    /// The leading number of years in <paramref name="cell"/> (Arabic-Indic digits too), or null when the
    /// cell is empty, names months or days, or is out of range.
    /// </summary>
    public static int? Age(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var text = cell.Trim();
        var digits = new System.Text.StringBuilder();
        var i = 0;
        for (; i < text.Length && digits.Length < 4; i++)
        {
            var v = CharUnicodeInfo.GetDecimalDigitValue(text[i]);
            if (v < 0)
            {
                break;
            }

            digits.Append((char)('0' + v));
        }

        if (digits.Length == 0)
        {
            return null;
        }

        var rest = text[i..].Trim();

        // "6 شهور" or "3 months" is an infant, not six years old.
        if (rest.Contains("شه", StringComparison.Ordinal) || rest.Contains("يوم", StringComparison.Ordinal) || rest.Contains("ايام", StringComparison.Ordinal)
            || rest.StartsWith("month", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("day", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var years = int.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        return rest.Length == 0 || rest.Contains("سن", StringComparison.Ordinal) || rest.Contains("عام", StringComparison.Ordinal)
            || rest.StartsWith("y", StringComparison.OrdinalIgnoreCase) || rest.StartsWith('.')
            ? years <= MaxAge ? years : null
            : null;
    }
}
