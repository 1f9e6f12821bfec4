// Renders chat messages in Shifa's chat format (the one tokenizer_config.json's chat_template describes).
using System.Text;
using Microsoft.Extensions.AI;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Generation;

/// <summary>
/// Shifa's chat format: <c>&lt;|system|&gt;\n…&lt;|end|&gt;\n</c>, <c>&lt;|user|&gt;\n…&lt;|end|&gt;\n</c>,
/// <c>&lt;|assistant|&gt;\n…&lt;|endoftext|&gt;</c> per turn, then <c>&lt;|assistant|&gt;\n</c> to ask for the answer —
/// the same text Hugging Face's <c>apply_chat_template(..., add_generation_prompt=True)</c> yields from the stored template.
/// </summary>
public static class ChatPromptFormat
{
    /// <summary>Texts that mean the model has finished its turn (for tokenizers that lack these as special tokens).</summary>
    public static IReadOnlyList<string> StopSequences { get; } =
        [SpecialTokenNames.EndOfText, SpecialTokenNames.EndOfTurn, SpecialTokenNames.User, SpecialTokenNames.System];

    /// <summary>The prompt for the next assistant turn after <paramref name="messages"/>.</summary>
    /// <exception cref="ArgumentException">A message has a role other than system, user or assistant.</exception>
    public static string Render(IEnumerable<ChatMessage> messages)
    {
        var prompt = new StringBuilder();
        int index = 0;
        foreach (var message in messages)
        {
            string text = message.Text.Trim();
            if (message.Role == ChatRole.System) prompt.Append(SpecialTokenNames.System).Append('\n').Append(text).Append(SpecialTokenNames.EndOfTurn).Append('\n');
            else if (message.Role == ChatRole.User) prompt.Append(SpecialTokenNames.User).Append('\n').Append(text).Append(SpecialTokenNames.EndOfTurn).Append('\n');
            else if (message.Role == ChatRole.Assistant) prompt.Append(SpecialTokenNames.Assistant).Append('\n').Append(text).Append(SpecialTokenNames.EndOfText);
            else throw new ArgumentException($"Message {index} has role '{message.Role}'; the chat format knows system, user and assistant.", nameof(messages));
            index++;
        }
        return prompt.Append(SpecialTokenNames.Assistant).Append('\n').ToString();
    }
}
