// The chat format Shifa trains and serves with: role markers as special tokens, answer closed by <|endoftext|>.
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Training;

/// <summary>
/// Shifa's chat format for Arabic medical QA. A training example is
/// <code>
/// &lt;|user|&gt;\n{question}&lt;|end|&gt;\n&lt;|assistant|&gt;\n{answer}&lt;|endoftext|&gt;
/// </code>
/// with an optional <c>&lt;|system|&gt;\n{system}&lt;|end|&gt;\n</c> turn first. The prompt part
/// (everything up to and including <c>&lt;|assistant|&gt;\n</c>) carries no loss; the answer and its
/// closing <c>&lt;|endoftext|&gt;</c> do, so the model learns to stop. The same format is stored in
/// <c>tokenizer_config.json</c> as a Jinja <see cref="Jinja"/> template so Hugging Face
/// <c>apply_chat_template</c> produces identical text. With a base tokenizer that lacks these special
/// tokens (e.g. AraGPT2) the markers are tokenized as ordinary text, which still works.
/// </summary>
public static class ArabicQaChatTemplate
{
    /// <summary>The template in Hugging Face's Jinja dialect.</summary>
    public const string Jinja =
        "{% for message in messages %}" +
        "{% if message['role'] == 'system' %}{{ '<|system|>\\n' + message['content'] + '<|end|>\\n' }}" +
        "{% elif message['role'] == 'user' %}{{ '<|user|>\\n' + message['content'] + '<|end|>\\n' }}" +
        "{% elif message['role'] == 'assistant' %}{{ '<|assistant|>\\n' + message['content'] + '<|endoftext|>' }}" +
        "{% endif %}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}";

    /// <summary>The text that precedes the answer: optional system turn, the user turn, and the assistant marker.</summary>
    public static string Prompt(string question, string? system = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var systemTurn = string.IsNullOrEmpty(system) ? "" : $"{SpecialTokenNames.System}\n{system}{SpecialTokenNames.EndOfTurn}\n";
        return $"{systemTurn}{SpecialTokenNames.User}\n{question.Trim()}{SpecialTokenNames.EndOfTurn}\n{SpecialTokenNames.Assistant}\n";
    }

    /// <summary>The answer as the model must produce it, closed by the end-of-text token.</summary>
    public static string Completion(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Trim() + SpecialTokenNames.EndOfText;
    }
}
