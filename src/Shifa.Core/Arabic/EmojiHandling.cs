namespace Shifa.Core.Arabic;

/// <summary>What <see cref="ArabicNormalizer"/> does with emoji.</summary>
public enum EmojiHandling
{
    /// <summary>Keep emoji (with their joiners and modifiers) as written.</summary>
    Keep = 0,
    /// <summary>Remove each emoji sequence, leaving a space so neighbouring words do not merge.</summary>
    Remove = 1,
}
