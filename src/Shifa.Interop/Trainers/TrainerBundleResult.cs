// What a trainer bundle export wrote.
namespace Shifa.Interop.Trainers;

/// <summary>The files of an exported trainer bundle and the records in each split.</summary>
/// <param name="Folder">The bundle folder.</param>
/// <param name="Files">Paths written, relative to <paramref name="Folder"/>.</param>
/// <param name="Train">Training rows.</param>
/// <param name="Validation">Validation rows.</param>
/// <param name="Test">Test rows.</param>
public sealed record TrainerBundleResult(string Folder, IReadOnlyList<string> Files, int Train, int Validation, int Test);
