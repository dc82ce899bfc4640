using Workflow.Domain.Consolidation;

namespace Workflow.Exports;

/// <summary>A deliverable's consolidation with the unit reports it was made from.</summary>
public sealed record DeliverableExport(Consolidation Consolidation, IReadOnlyList<UnitReport> Reports);
