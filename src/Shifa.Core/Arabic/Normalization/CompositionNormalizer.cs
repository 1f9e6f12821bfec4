// Unicode NFC, after replacing unpaired surrogates (which NFC cannot process) with U+FFFD.
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Brings text to Unicode Normalization Form C, so a precomposed <c>أ</c> and <c>ا + ٔ</c>
/// compare equal. Unpaired UTF-16 surrogates (broken input) become U+FFFD first, because NFC
/// rejects them.
/// </summary>
public sealed class CompositionNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static CompositionNormalizer Instance { get; } = new();

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var valid = SurrogateRepairNormalizer.Instance.Normalize(text);
        return valid.IsNormalized(NormalizationForm.FormC) ? valid : valid.Normalize(NormalizationForm.FormC);
    }
}
