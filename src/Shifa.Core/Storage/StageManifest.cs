namespace Shifa.Core.Storage;

/// <summary>
/// What a completed pipeline stage consumed and produced. A stage is up to date when its
/// recorded input hash, config hash and code version all equal the current ones.
/// </summary>
/// <param name="Stage">Stage key (<c>ingest</c>, <c>synthesize:offline</c>, <c>train:tiny/original</c>...).</param>
/// <param name="InputHash">Hash of everything the stage read (files, upstream manifests).</param>
/// <param name="ConfigHash">Hash of the stage's slice of the configuration.</param>
/// <param name="CodeVersion">Version of the code that ran it.</param>
/// <param name="Outputs">Stage-defined summary of outputs (JSON), e.g. counts and artifact paths.</param>
/// <param name="CompletedAt">When the stage finished.</param>
public sealed record StageManifest(
    string Stage,
    string InputHash,
    string ConfigHash,
    string CodeVersion,
    string Outputs,
    DateTimeOffset CompletedAt);
