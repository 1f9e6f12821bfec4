namespace Shifa.Curation.Pipeline;

/// <summary>The records a stage must decide (as indices into <see cref="CurationContext.Targets"/>), with the run's shared context.</summary>
/// <param name="Context">Targets, reference sets and lazily computed features.</param>
/// <param name="Rows">Indices into <see cref="CurationContext.Targets"/>, in canonical order.</param>
public sealed record FilterBatch(CurationContext Context, IReadOnlyList<int> Rows);
