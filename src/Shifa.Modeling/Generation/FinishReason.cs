namespace Shifa.Modeling.Generation;

/// <summary>Why generation ended.</summary>
public enum FinishReason
{
    /// <summary>An end-of-sequence token or a stop sequence was produced.</summary>
    Stop,

    /// <summary>The token budget or the model's context length was reached.</summary>
    Length,
}
