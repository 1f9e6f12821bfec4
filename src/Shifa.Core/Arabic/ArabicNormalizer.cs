// Composes the single-concern normalizers into the matching and display presets.
using Shifa.Core.Arabic.Normalization;

namespace Shifa.Core.Arabic;

/// <summary>
/// A fixed-order chain of <see cref="TextNormalizer"/> steps chosen by
/// <see cref="ArabicNormalizerOptions"/>. Idempotent for every option combination:
/// <c>Normalize(Normalize(x)) == Normalize(x)</c>.
/// </summary>
/// <remarks>
/// Order and why: unpaired surrogates repaired → presentation forms → emoji → control
/// characters → tatweel → diacritics (all removals, which may bring a letter next to a
/// combining mark) → NFC (so composition sees the final neighbours) → letter folds, digits,
/// punctuation, ASCII case (one-to-one maps that never create composable pairs) → whitespace
/// (removals leave spaces behind; tightening <c>x ؟</c> can complete a URL) → URLs last, since a
/// mapped <c>۔</c>, a composed character or a tightened space can complete or end one (in
/// <see cref="UrlHandling.Remove"/> mode whitespace runs once more for the space a URL leaves).
/// </remarks>
public sealed class ArabicNormalizer : TextNormalizer
{
    private readonly TextNormalizer[] _steps;

    /// <summary>Creates a normalizer running the steps enabled in <paramref name="options"/>.</summary>
    public ArabicNormalizer(ArabicNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var steps = new List<TextNormalizer>();
        void Add(bool on, TextNormalizer step)
        {
            if (on)
            {
                steps.Add(step);
            }
        }

        Add(true, SurrogateRepairNormalizer.Instance);
        Add(options.FoldPresentationForms, PresentationFormNormalizer.Instance);
        Add(options.Emoji == EmojiHandling.Remove, EmojiNormalizer.Instance);
        Add(options.RemoveControlCharacters, new ControlCharacterNormalizer(keepEmojiJoiners: options.Emoji == EmojiHandling.Keep));
        Add(options.RemoveTatweel, TatweelNormalizer.Instance);
        Add(options.RemoveDiacritics, DiacriticsNormalizer.Instance);
        var foldsLetters = options.UnifyAlef || options.FoldAlefMaqsura || options.FoldHamzaCarriers || options.FoldTaMarbuta || options.FoldLetterVariants;
        Add(foldsLetters && !options.RemoveDiacritics, CombiningHamzaNormalizer.Instance);
        Add(true, CompositionNormalizer.Instance);
        Add(options.UnifyAlef, AlefNormalizer.Instance);
        Add(options.FoldAlefMaqsura, AlefMaqsuraNormalizer.Instance);
        Add(options.FoldHamzaCarriers, HamzaCarrierNormalizer.Instance);
        Add(options.FoldTaMarbuta, TaMarbutaNormalizer.Instance);
        Add(options.FoldLetterVariants, LetterVariantNormalizer.Instance);
        Add(options.AsciiDigits, DigitNormalizer.Instance);
        Add(options.NormalizePunctuation, new PunctuationNormalizer(collapseRepeats: true));
        Add(options.LowercaseLatin, LatinCaseNormalizer.Instance);
        var whitespace = new WhitespaceNormalizer(options.KeepLineBreaks, options.TightenPunctuationSpacing);
        Add(options.CollapseWhitespace, whitespace);
        Add(options.Urls != UrlHandling.Keep, new UrlNormalizer(options.Urls));
        Add(options.CollapseWhitespace && options.Urls == UrlHandling.Remove, whitespace);
        _steps = [.. steps];
    }

    /// <summary>
    /// For deduplication and matching: presentation forms decomposed, URLs replaced by
    /// <c>&lt;url&gt;</c>, emoji removed, invisible controls removed, tatweel and tashkeel stripped,
    /// NFC, alef/alef-maqsura/hamza-carrier/ta-marbuta/look-alike letters folded, digits to ASCII,
    /// punctuation canonical with repeats collapsed, ASCII lower-cased, whitespace collapsed to
    /// single spaces with none before closing punctuation.
    /// </summary>
    public static ArabicNormalizer ForMatching { get; } = new(new ArabicNormalizerOptions
    {
        FoldPresentationForms = true,
        Urls = UrlHandling.Placeholder,
        Emoji = EmojiHandling.Remove,
        RemoveDiacritics = true,
        UnifyAlef = true,
        FoldAlefMaqsura = true,
        FoldHamzaCarriers = true,
        FoldTaMarbuta = true,
        FoldLetterVariants = true,
        AsciiDigits = true,
        NormalizePunctuation = true,
        LowercaseLatin = true,
        TightenPunctuationSpacing = true,
    });

    /// <summary>
    /// For text shown to people or fed to models: invisible controls removed (emoji joiners kept),
    /// tatweel removed, NFC, whitespace collapsed with line breaks kept. Letters, diacritics,
    /// digits, punctuation, URLs and emoji are left as written.
    /// </summary>
    public static ArabicNormalizer ForDisplay { get; } = new(new ArabicNormalizerOptions { KeepLineBreaks = true });

    /// <summary>The options this normalizer was built from.</summary>
    public ArabicNormalizerOptions Options { get; }

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<TextNormalizer> Steps => _steps;

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var step in _steps)
        {
            text = step.Normalize(text);
        }

        return text;
    }
}
