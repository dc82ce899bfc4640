namespace Workflow.Orchestrations.Contracts;

/// <summary>The recorded extension and the follow-up instances it was forwarded to.</summary>
public sealed record ExtensionApplied(string CycleId, DeadlineExtension Extension, IReadOnlyList<string> Units);
