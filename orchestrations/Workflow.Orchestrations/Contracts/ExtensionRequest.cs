namespace Workflow.Orchestrations.Contracts;

public sealed record ExtensionRequest(string CycleId, DeadlineExtension Extension, IReadOnlyList<string> Units, DateTimeOffset RecordedAt);
