using DurableTask.Core;

namespace Workflow.Engine;

/// <summary>Creates a fresh DTFx object per execution from the SDK class, through the SDK's shim factory.</summary>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public ShimCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
