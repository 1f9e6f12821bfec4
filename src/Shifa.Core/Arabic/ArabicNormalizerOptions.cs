// Which steps an ArabicNormalizer runs; presets live on ArabicNormalizer.
namespace Shifa.Core.Arabic;

/// <summary>
/// Switches for the steps of <see cref="ArabicNormalizer"/>. Every step is one
/// <see cref="Normalization.TextNormalizer"/>; the order they run in is fixed by
/// <see cref="ArabicNormalizer"/> (removals, then composition, then folding, then whitespace)
/// so that any combination stays idempotent.
/// </summary>
public sealed record ArabicNormalizerOptions
{
    private readonly UrlHandling _urls = UrlHandling.Keep;
    private readonly EmojiHandling _emoji = EmojiHandling.Keep;

    /// <summary>Decompose Arabic presentation forms (<c>ﺍﺣﻤﺪ</c>, <c>ﻻ</c>) to ordinary letters.</summary>
    public bool FoldPresentationForms { get; init; }

    /// <summary>What to do with URLs.</summary>
    public UrlHandling Urls
    {
        get => _urls;
        init => _urls = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Urls), value, "Use Keep, Placeholder or Remove.");
    }

    /// <summary>What to do with emoji.</summary>
    public EmojiHandling Emoji
    {
        get => _emoji;
        init => _emoji = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Emoji), value, "Use Keep or Remove.");
    }

    /// <summary>Remove zero-width, bidi and other invisible format/control characters.</summary>
    public bool RemoveControlCharacters { get; init; } = true;

    /// <summary>Remove tatweel (<c>ـ</c>).</summary>
    public bool RemoveTatweel { get; init; } = true;

    /// <summary>Strip tashkeel: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.</summary>
    public bool RemoveDiacritics { get; init; }

    /// <summary>Fold أ إ آ ٱ to ا.</summary>
    public bool UnifyAlef { get; init; }

    /// <summary>Fold ى (and Farsi ی) to ي.</summary>
    public bool FoldAlefMaqsura { get; init; }

    /// <summary>Fold ؤ to و and ئ to ي.</summary>
    public bool FoldHamzaCarriers { get; init; }

    /// <summary>Fold ة to ه (off unless asked for: it merges some distinct words).</summary>
    public bool FoldTaMarbuta { get; init; }

    /// <summary>Fold Persian/Urdu look-alike letters (ک, ە, ھ) to Arabic ones.</summary>
    public bool FoldLetterVariants { get; init; }

    /// <summary>Map Arabic-Indic and Persian digits (and ٫ ٬ ٪) to ASCII.</summary>
    public bool AsciiDigits { get; init; }

    /// <summary>Map punctuation variants to canonical marks and collapse repeated marks.</summary>
    public bool NormalizePunctuation { get; init; }

    /// <summary>Lower-case ASCII letters.</summary>
    public bool LowercaseLatin { get; init; }

    /// <summary>Collapse whitespace and trim.</summary>
    public bool CollapseWhitespace { get; init; } = true;

    /// <summary>When collapsing whitespace, drop spaces before closing punctuation (<c>مرتفع ؟</c> → <c>مرتفع؟</c>).</summary>
    public bool TightenPunctuationSpacing { get; init; }

    /// <summary>When collapsing whitespace, keep line breaks (at most one empty line).</summary>
    public bool KeepLineBreaks { get; init; }
}
