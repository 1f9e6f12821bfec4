namespace Shifa.Synthesis.Planning;

/// <summary>Who asks the generated questions; drawn from the seed's gender and age distribution.</summary>
/// <param name="Gender"><c>male</c>, <c>female</c> or null when the seed does not say.</param>
/// <param name="AgeYears">Age in years, null when the seed does not say.</param>
public sealed record Persona(string? Gender, int? AgeYears);
