namespace Shifa.Interop.Tests.Gguf;

[CollectionDefinition(Name)]
public sealed class ExportedModelsCollection : ICollectionFixture<ExportedModels>
{
    public const string Name = "exported models";
}
