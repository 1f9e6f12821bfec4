namespace Shifa.Synthesis.Providers;

/// <summary>Kinds of provider Shifa can talk to.</summary>
public enum ProviderKind
{
    /// <summary>The classical augmenter; no network, no key.</summary>
    Offline,
    /// <summary>OpenAI's chat completions API.</summary>
    OpenAI,
    /// <summary>Google Gemini through its OpenAI-compatible endpoint.</summary>
    Gemini,
    /// <summary>Any server speaking the chat-completions protocol (Ollama, vLLM, llama.cpp, LM Studio, Shifa's server).</summary>
    OpenAICompatible,
}
