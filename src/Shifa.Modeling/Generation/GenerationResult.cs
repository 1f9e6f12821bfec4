namespace Shifa.Modeling.Generation;

/// <summary>The outcome of one generation.</summary>
/// <param name="Text">Generated text, without the prompt and without the stop token or sequence.</param>
/// <param name="TokenIds">Generated token ids (the stop token excluded).</param>
/// <param name="PromptTokens">Number of prompt tokens.</param>
/// <param name="FinishReason">Why it ended.</param>
public sealed record GenerationResult(string Text, IReadOnlyList<int> TokenIds, int PromptTokens, FinishReason FinishReason);
