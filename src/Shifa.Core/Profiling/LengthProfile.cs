namespace Shifa.Core.Profiling;

/// <summary>Length of one text field in characters (UTF-16 units of the stored text) and in words (<see cref="Arabic.ArabicWordTokenizer.CountWords"/>).</summary>
/// <param name="Chars">Distribution of character counts.</param>
/// <param name="Words">Distribution of word counts (words and numbers, not punctuation or emoji).</param>
public sealed record LengthProfile(Distribution Chars, Distribution Words);
