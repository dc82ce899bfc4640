namespace Workflow.Api.Contracts;

/// <summary>
/// A unit of the cycle that relays it to units under it: its sub-cycle once issued, that sub-cycle's progress, and
/// its base units' completion as its roll-up reported it ("Yên Thế: 28/30 đơn vị cơ sở đã nộp").
/// </summary>
public sealed record RelayRow(
    string UnitId,
    string Name,
    int UnitsUnder,
    string? SubCycleId,
    OrchestrationRuntimeStatus? RuntimeStatus,
    string? PhaseLabel,
    int Expected,
    int OnTime,
    int Late,
    int Missing,
    string Text);
