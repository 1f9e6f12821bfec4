// Python str semantics that the reference metrics depend on: whitespace splitting and code points.
using System.Text;

namespace Shifa.Evaluation.Metrics.Text;

/// <summary>
/// Reproduces the pieces of Python string behaviour that sacrebleu and rouge-score rely on, so that
/// scores match on text with emoji (surrogate pairs in .NET, one code point in Python) and on
/// Python's wider notion of whitespace.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace</c> for one code point.</summary>
    public static bool IsSpace(Rune r) =>
        Rune.IsWhiteSpace(r) || (r.Value >= 0x1C && r.Value <= 0x1F);

    /// <summary>Python's <c>str.split()</c> with no separator: runs of whitespace split, no empty items.</summary>
    public static List<string> Split(string text)
    {
        var parts = new List<string>();
        var start = -1;
        var i = 0;
        foreach (var r in text.EnumerateRunes())
        {
            if (IsSpace(r))
            {
                if (start >= 0)
                {
                    parts.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }

            i += r.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }

    /// <summary>Python's <c>''.join(text.split())</c>: the text with all whitespace removed.</summary>
    public static string RemoveWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var r in text.EnumerateRunes())
        {
            if (!IsSpace(r))
            {
                sb.Append(r.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>Python's <c>str.rstrip()</c>.</summary>
    public static string RStrip(string text)
    {
        var end = text.Length;
        while (end > 0)
        {
            var status = Rune.DecodeLastFromUtf16(text.AsSpan(0, end), out var r, out var used);
            if (status != System.Buffers.OperationStatus.Done || !IsSpace(r))
            {
                break;
            }

            end -= used;
        }

        return text[..end];
    }

    /// <summary>Python's <c>str.strip()</c>.</summary>
    public static string Strip(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(start), out var r, out var used);
            if (status != System.Buffers.OperationStatus.Done || !IsSpace(r))
            {
                break;
            }

            start += used;
        }

        return RStrip(text[start..]);
    }

    /// <summary>UTF-16 offsets of each code point start, plus the final length: <c>n + 1</c> entries for <c>n</c> code points.</summary>
    public static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        var i = 0;
        foreach (var r in text.EnumerateRunes())
        {
            offsets.Add(i);
            i += r.Utf16SequenceLength;
        }

        offsets.Add(i);
        return [.. offsets];
    }

    /// <summary>Number of code points (Python's <c>len</c>).</summary>
    public static int Length(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            n++;
        }

        return n;
    }
}
