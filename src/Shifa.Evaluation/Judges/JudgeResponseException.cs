namespace Shifa.Evaluation.Judges;

/// <summary>The judge model replied with something that is not a valid rubric verdict.</summary>
public sealed class JudgeResponseException(string message, string rawResponse) : Exception(message)
{
    /// <summary>The judge's raw reply, for diagnosis.</summary>
    public string RawResponse { get; } = rawResponse;
}
