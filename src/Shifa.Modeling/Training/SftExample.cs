namespace Shifa.Modeling.Training;

/// <summary>One tokenized training example: ids, and for each id whether it is predicted with loss (answer) or not (prompt).</summary>
/// <param name="RecordId">The record it came from.</param>
/// <param name="InputIds">Prompt ids followed by answer ids.</param>
/// <param name="PromptLength">How many leading ids belong to the prompt.</param>
public sealed record SftExample(string RecordId, int[] InputIds, int PromptLength)
{
    /// <summary>Number of ids that carry loss.</summary>
    public int AnswerLength => InputIds.Length - PromptLength;
}
