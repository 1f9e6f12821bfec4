// GPT-2's reversible byte <-> printable-character map (openai/gpt-2 encoder.py bytes_to_unicode).
namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Maps each of the 256 byte values to a printable Unicode character so that byte-level tokens can be
/// stored as strings in <c>vocab.json</c>/<c>merges.txt</c> (space becomes <c>Ġ</c>, newline <c>Ċ</c>).
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToCharTable = BuildTable();
    private static readonly Dictionary<char, byte> CharToByteTable =
        Enumerable.Range(0, 256).ToDictionary(b => ByteToCharTable[b], b => (byte)b);

    /// <summary>The printable character standing for byte <paramref name="value"/>.</summary>
    public static char ToChar(byte value) => ByteToCharTable[value];

    /// <summary>Renders raw bytes as a byte-level token string.</summary>
    public static string ToToken(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ByteToCharTable[source[i]];
            }
        });
    }

    /// <summary>Converts a byte-level token string back to its bytes; returns false when a character is outside the map.</summary>
    public static bool TryToBytes(string token, out byte[] bytes)
    {
        bytes = new byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            if (!CharToByteTable.TryGetValue(token[i], out var value))
            {
                return false;
            }

            bytes[i] = value;
        }

        return true;
    }

    private static char[] BuildTable()
    {
        // Printable Latin-1 bytes keep their own code point; the rest are shifted past 255 in order.
        var table = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            table[b] = printable ? (char)b : (char)next++;
        }

        return table;
    }
}
