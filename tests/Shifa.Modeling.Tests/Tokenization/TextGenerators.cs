// CsCheck generators for strings mixing Arabic (with marks), Latin, digits, punctuation, whitespace and emoji.
using CsCheck;

namespace Shifa.Modeling.Tests.Tokenization;

internal static class TextGenerators
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Char['\u0621', '\u064A'].Select(c => c.ToString()),             // Arabic letters
        Gen.Char['\u064B', '\u0652'].Select(c => c.ToString()),             // harakat
        Gen.Const("\u0640"),                                                // tatweel
        Gen.Char['\u0660', '\u0669'].Select(c => c.ToString()),             // Arabic-Indic digits
        Gen.OneOf<string>("،", "؛", "؟", ".", "!", "'s", "'ll", "-", "/", "(", ")"),
        Gen.Char['a', 'z'].Select(c => c.ToString()),
        Gen.Char['A', 'Z'].Select(c => c.ToString()),
        Gen.Char['0', '9'].Select(c => c.ToString()),
        Gen.OneOf<string>(" ", "  ", "\n", "\t", "\r\n", "\u00A0"),
        Gen.OneOf<string>("🤒", "💊", "👨‍⚕️", "❤️", "🇸🇦"),
        Gen.Char['\u00C0', '\u024F'].Select(c => c.ToString()),             // accented Latin
        Gen.OneOf<string>("<|end", "|>", "<|user|>", "<|endoftext|>"));          // special tokens and near misses

    public static readonly Gen<string> MixedText =
        Piece.Array[0, 40].Select(parts => string.Concat(parts));
}
