namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// An extension to apply to the status rows of <see cref="Units"/>. <see cref="Dates"/>: it is the first change naming a
/// round the plan left undated, so it dates the round: the proposers' rows are created and the stored plan gets the deadline.
/// </summary>
public sealed record ExtensionRequest(string CycleId, DeadlineExtension Extension, IReadOnlyList<string> Units, DateTimeOffset RecordedAt, bool Dates = false);
