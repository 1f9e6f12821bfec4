namespace Shifa.Core.Arabic;

/// <summary>What <see cref="ArabicNormalizer"/> does with URLs.</summary>
public enum UrlHandling
{
    /// <summary>Leave URLs in place; later steps treat them as ordinary text.</summary>
    Keep = 0,
    /// <summary>Replace each URL by the token <c>&lt;url&gt;</c>, so texts that differ only in a link match.</summary>
    Placeholder = 1,
    /// <summary>Remove URLs (a space is left so words do not merge).</summary>
    Remove = 2,
}
