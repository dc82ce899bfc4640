namespace Workflow.Domain.Validation;

/// <summary>One thing wrong with a plan: the field path (JSON path, e.g. "$.units[3].block") and what is wrong, in Vietnamese.</summary>
public sealed record PlanError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
