using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

/// <summary>
/// Shared per test class: the Azurite connection string (env WORKFLOW_STORAGE) and uniquely named task hubs,
/// all deleted when the class is done.
/// </summary>
public sealed class DurableFixture : IAsyncLifetime
{
    private readonly ConcurrentBag<string> _hubs = [];

    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does).");

    public string NewHubName()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        _hubs.Add(name);
        return name;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var name in _hubs)
        {
            var options = Options.Create(new DurableTaskStorageOptions { ConnectionString = ConnectionString, TaskHubName = name });
            await new TaskHub(options, TimeProvider.System).DeleteAllAsync();
        }
    }
}
