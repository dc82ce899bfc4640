namespace Workflow.Durable;

/// <summary>The name of an orchestrator or activity; create it with <c>nameof(...)</c>.</summary>
public readonly record struct TaskName(string Name)
{
    public static implicit operator TaskName(string name) => new(name);

    public override string ToString() => Name ?? string.Empty;
}
