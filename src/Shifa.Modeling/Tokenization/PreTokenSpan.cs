namespace Shifa.Modeling.Tokenization;

/// <summary>A piece of the input found by <see cref="ByteLevelPreTokenizer"/>: an offset into the original string, never a copy.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of UTF-16 characters.</param>
/// <param name="SpecialId">Id of the special token this span spells, or -1 for ordinary text.</param>
public readonly record struct PreTokenSpan(int Start, int Length, int SpecialId)
{
    /// <summary>True when the span is a special token rather than text to be split into bytes.</summary>
    public bool IsSpecial => SpecialId >= 0;
}
