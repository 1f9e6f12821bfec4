namespace Shifa.Modeling.Training;

/// <summary>One row of a batch: <see cref="InputIds"/> and the next-token <see cref="Targets"/> (or <see cref="SftDataCollator.IgnoreIndex"/>).</summary>
/// <param name="InputIds">Token ids of length T.</param>
/// <param name="Targets">Targets of length T.</param>
public sealed record SftRow(int[] InputIds, int[] Targets);
