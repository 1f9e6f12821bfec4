namespace Shifa.Modeling.Architectures.Bert;

/// <summary>Frames a sentence's token ids with an encoder's opening and closing tokens.</summary>
internal static class SentenceIds
{
    /// <summary>
    /// <paramref name="open"/>, then at most <paramref name="maxLength"/> − 2 of <paramref name="pieces"/>
    /// (cut from the end, as transformers' <c>truncation=True</c> does), then <paramref name="close"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> leaves no room for the two special tokens.</exception>
    public static int[] Frame(int open, int[] pieces, int close, int maxLength)
    {
        if (maxLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "Need room for the opening and closing tokens.");
        }

        var n = Math.Min(pieces.Length, maxLength - 2);
        var ids = new int[n + 2];
        ids[0] = open;
        Array.Copy(pieces, 0, ids, 1, n);
        ids[n + 1] = close;
        return ids;
    }
}
