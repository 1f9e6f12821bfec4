namespace Shifa.Web.Review;

/// <summary>A review round and its progress.</summary>
/// <param name="Id">Round id.</param>
/// <param name="Name">Round name.</param>
/// <param name="Population">Records eligible when the round was drawn.</param>
/// <param name="SampleSize">Records sampled.</param>
/// <param name="Overlap">Overlap fraction.</param>
/// <param name="Assignments">Review assignments (records × annotators).</param>
/// <param name="Reviewed">Assignments done.</param>
public sealed record ReviewRoundSummary(int Id, string Name, int Population, int SampleSize, double Overlap, int Assignments, int Reviewed);
