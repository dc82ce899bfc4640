using Workflow.Domain.Levels;
using Workflow.Domain.Reports;

namespace Workflow.Application;

/// <summary>What a relay's report to its parent starts from: the pre-filled statistics and its base units' completion now.</summary>
public sealed record RollUpDraft(string SubCycleId, string ParentCycleId, string RelayUnitId, string RelayName, Deliverable Deliverable, ReportStatistics Prefilled, BaseCompletion Base);
