// Chooses the decoder for CSV/TSV/JSONL: BOM first, then a strict UTF-8 scan, then Windows-1256.
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Shifa.Core.Readers;

/// <summary>
/// Detects the text encoding of an input file. Arabic CSVs saved by Excel are usually Windows-1256,
/// whose Arabic letters are invalid as UTF-8, so a strict UTF-8 scan tells the two apart reliably.
/// </summary>
public static class TextEncodingDetector
{
    /// <summary>
    /// What an invalid UTF-8 byte sequence decodes to: a Unicode noncharacter, so that rows holding one
    /// can be rejected with their line number instead of silently carrying U+FFFD.
    /// </summary>
    public const char InvalidByteMarker = '\uFDD0';

    // A file with a stray bad byte among thousands of valid Arabic letters is damaged UTF-8, not
    // Windows-1256; decoding it as 1256 would garble every other row.
    private const int MultiByteToInvalidRatio = 10;

    /// <summary>Windows-1256 (Arabic).</summary>
    public static Encoding Windows1256 { get; } = CreateWindows1256();

    /// <summary>UTF-8 that decodes invalid sequences to <see cref="InvalidByteMarker"/>.</summary>
    public static Encoding MarkingUtf8 { get; } =
        Encoding.GetEncoding(65001, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(InvalidByteMarker.ToString()));

    /// <summary>Chooses the encoding of <paramref name="path"/> according to <paramref name="choice"/>.</summary>
    public static DetectedEncoding Detect(string path, EncodingChoice choice)
    {
        using var s = File.OpenRead(path);
        Span<byte> head = stackalloc byte[3];
        var n = s.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        var utf8Bom = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        if (choice == EncodingChoice.Windows1256)
        {
            return new DetectedEncoding(Windows1256, "windows-1256", 0, 0, 0);
        }

        if (choice == EncodingChoice.Auto && n >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return new DetectedEncoding(new UnicodeEncoding(false, false), "utf-16le", 2, 0, 0);
        }

        if (choice == EncodingChoice.Auto && n >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            return new DetectedEncoding(new UnicodeEncoding(true, false), "utf-16be", 2, 0, 0);
        }

        var preamble = utf8Bom ? 3 : 0;
        var name = utf8Bom ? "utf-8-bom" : "utf-8";
        if (choice == EncodingChoice.Utf8)
        {
            return new DetectedEncoding(MarkingUtf8, name, preamble, 0, 0);
        }

        s.Position = preamble;
        var (invalid, multi) = ScanUtf8(s);
        if (invalid == 0 || multi >= invalid * MultiByteToInvalidRatio)
        {
            return new DetectedEncoding(MarkingUtf8, name, preamble, invalid, multi);
        }

        return new DetectedEncoding(Windows1256, "windows-1256", 0, invalid, multi);
    }

    /// <summary>Counts invalid UTF-8 sequences and valid non-ASCII characters in a stream.</summary>
    public static (long Invalid, long MultiByte) ScanUtf8(Stream s)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var chars = ArrayPool<char>.Shared.Rent(1 << 20);
        long invalid = 0, multi = 0;
        try
        {
            var carry = 0;
            while (true)
            {
                var read = s.Read(buffer, carry, buffer.Length - carry);
                var final = read == 0;
                var span = buffer.AsSpan(0, carry + read);
                while (span.Length > 0)
                {
                    var status = Utf8.ToUtf16(span, chars, out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: final);
                    multi += CountNonAscii(chars.AsSpan(0, written));
                    span = span[consumed..];
                    if (status == OperationStatus.InvalidData)
                    {
                        invalid++;
                        span = span[1..];
                    }
                    else if (status == OperationStatus.NeedMoreData)
                    {
                        break;
                    }
                }

                if (final)
                {
                    break;
                }

                span.CopyTo(buffer);
                carry = span.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }

        return (invalid, multi);
    }

    private static int CountNonAscii(ReadOnlySpan<char> chars)
    {
        var n = 0;
        foreach (var c in chars)
        {
            if (c > 0x7F && !char.IsLowSurrogate(c))
            {
                n++;
            }
        }

        return n;
    }

    private static Encoding CreateWindows1256()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256);
    }
}
