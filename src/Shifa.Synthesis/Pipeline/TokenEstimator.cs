// Token counts known before a request is sent: a strict upper bound for the budget, a typical guess for throttling.
using System.Text;
using Microsoft.Extensions.AI;

namespace Shifa.Synthesis.Pipeline;

/// <summary>Estimates prompt tokens without a tokenizer.</summary>
public static class TokenEstimator
{
    // Chat formatting adds a few tokens per message and per reply (OpenAI's cookbook counts 3 and 3).
    private const int PerMessageOverhead = 8;

    /// <summary>
    /// Upper bound of prompt tokens: byte-level BPE tokenizers never emit more tokens than UTF-8 bytes,
    /// so bytes plus per-message overhead bounds what any such provider can bill.
    /// </summary>
    public static long UpperBound(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        long total = 16;
        foreach (var m in messages)
        {
            total += Encoding.UTF8.GetByteCount(m.Text ?? "") + PerMessageOverhead;
        }

        if (options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema })
        {
            total += Encoding.UTF8.GetByteCount(schema.GetRawText());
        }

        return total;
    }

    /// <summary>Typical prompt tokens (about three characters per token for Arabic text), used for tokens-per-minute throttling and dry runs.</summary>
    public static long Typical(IEnumerable<ChatMessage> messages) =>
        messages.Sum(m => (long)(m.Text?.Length ?? 0) / 3 + PerMessageOverhead);
}
