namespace Workflow.Adapters.Tests;

[CollectionDefinition(Name)]
public sealed class AdapterCollection : ICollectionFixture<AdapterFixture>
{
    public const string Name = "adapters";
}
