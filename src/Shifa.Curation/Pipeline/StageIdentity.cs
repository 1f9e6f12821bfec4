namespace Shifa.Curation.Pipeline;

/// <summary>Name, scope and settings fingerprint of a stage.</summary>
/// <param name="Name">Stable name stored in <c>decisions.stage</c>.</param>
/// <param name="Scope">What a decision may depend on.</param>
/// <param name="Fingerprint">Hash of the stage's code version and the settings it reads (not of the data).</param>
/// <param name="UsesReferences">True when decisions also depend on the seed/test sets (and the embedder fitted on them).</param>
public sealed record StageIdentity(string Name, FilterScope Scope, string Fingerprint, bool UsesReferences = false)
{
    /// <summary>Builds an identity whose fingerprint hashes <paramref name="version"/> and the JSON of <paramref name="settings"/>.</summary>
    public static StageIdentity Of(string name, FilterScope scope, string version, object settings, bool usesReferences = false) =>
        new(name, scope, Shifa.Core.Hashing.ContentHash.Short(16, name, version, System.Text.Json.JsonSerializer.Serialize(settings)), usesReferences);
}
