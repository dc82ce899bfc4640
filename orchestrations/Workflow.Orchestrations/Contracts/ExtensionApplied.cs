namespace Workflow.Orchestrations.Contracts;

/// <summary>The recorded extension and the units whose deadline it moved.</summary>
public sealed record ExtensionApplied(string CycleId, DeadlineExtension Extension, IReadOnlyList<string> Units);
