namespace Workflow.Demo;

/// <summary>What a district sent the province as its roll-up: its base units' completion, the correction it made, if any.</summary>
internal sealed record RollUpOutcome(string District, string SubCycleId, string Deliverable, string BaseText, string? Correction, bool Accepted);
