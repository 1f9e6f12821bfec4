namespace Shifa.Modeling.Tokenization;

/// <summary>Result of <see cref="TokenizerFertility.Measure"/>.</summary>
/// <param name="Words">Words counted in the texts.</param>
/// <param name="Tokens">Tokens the tokenizer produced for the same texts.</param>
/// <param name="Characters">UTF-16 characters in the texts.</param>
public sealed record FertilityReport(long Words, long Tokens, long Characters)
{
    /// <summary>Tokens per word (0 when there were no words).</summary>
    public double TokensPerWord => Words == 0 ? 0 : (double)Tokens / Words;

    /// <summary>Characters per token, the usual compression figure.</summary>
    public double CharactersPerToken => Tokens == 0 ? 0 : (double)Characters / Tokens;
}
