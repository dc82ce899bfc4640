using DurableTask.Core;

namespace Workflow.Engine;

/// <summary>
/// DTFx looks orchestrations and activities up by name and version through this interface; its own implementation
/// (NameVersionObjectManager) is internal in DurableTask.Core 3.11.2. The SDK schedules every task with version "".
/// </summary>
internal sealed class TaskObjectManager<T> : INameVersionObjectManager<T>
{
    private readonly Dictionary<string, ObjectCreator<T>> _creators = new(StringComparer.Ordinal);

    public void Add(ObjectCreator<T> creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (!_creators.TryAdd(Key(creator.Name, creator.Version), creator))
        {
            throw new InvalidOperationException($"'{creator.Name}' version '{creator.Version}' is registered twice.");
        }
    }

    public T? GetObject(string name, string? version) =>
        _creators.TryGetValue(Key(name, version), out var creator) ? creator.Create() : default;

    private static string Key(string name, string? version) => $"{name}\n{version ?? string.Empty}";
}
