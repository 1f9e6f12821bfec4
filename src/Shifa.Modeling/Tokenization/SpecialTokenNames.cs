namespace Shifa.Modeling.Tokenization;

/// <summary>The special tokens of Shifa's vocabularies: end of text and the chat-role markers of the chat template.</summary>
public static class SpecialTokenNames
{
    /// <summary>End of a document or of an assistant turn; also used for padding.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>Opens a system turn.</summary>
    public const string System = "<|system|>";

    /// <summary>Opens a user turn.</summary>
    public const string User = "<|user|>";

    /// <summary>Opens an assistant turn.</summary>
    public const string Assistant = "<|assistant|>";

    /// <summary>Closes a system or user turn.</summary>
    public const string EndOfTurn = "<|end|>";

    /// <summary>All of them, in the order their ids are assigned.</summary>
    public static IReadOnlyList<string> All { get; } = [EndOfText, System, User, Assistant, EndOfTurn];
}
