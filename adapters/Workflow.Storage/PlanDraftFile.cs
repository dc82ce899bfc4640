namespace Workflow.Storage;

/// <summary>A draft version with its content: the plan JSON exactly as the editor sent it.</summary>
public sealed record PlanDraftFile(PlanDraftVersion Version, BinaryData Content);
