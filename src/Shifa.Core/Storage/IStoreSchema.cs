namespace Shifa.Core.Storage;

/// <summary>
/// A component's share of the workspace database: an ordered list of migrations. Core owns the
/// record tables; each area (synthesis, curation, web...) registers its own tables through this
/// seam so Core never has to know about them.
/// </summary>
public interface IStoreSchema
{
    /// <summary>Component name, the key under which applied migrations are counted (e.g. <c>core</c>, <c>synthesis</c>).</summary>
    string Component { get; }

    /// <summary>Migrations in order; index + 1 is the version. Never edit a shipped migration, append a new one.</summary>
    IReadOnlyList<string> Migrations { get; }
}
