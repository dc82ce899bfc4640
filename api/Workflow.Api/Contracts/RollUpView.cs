using Workflow.Domain.Levels;
using Workflow.Domain.Reports;

namespace Workflow.Api.Contracts;

/// <summary>
/// A relay's report to its parent as its units' reports pre-fill it now: the statistics to send (or correct), the
/// figures one by one, and the base units' completion.
/// </summary>
public sealed record RollUpView(
    string SubCycleId,
    string ParentCycleId,
    string RelayUnitId,
    string DeliverableId,
    string Title,
    BaseCompletion Base,
    string BaseText,
    IReadOnlyList<RollUpFigure> Figures,
    ReportStatistics Statistics);
