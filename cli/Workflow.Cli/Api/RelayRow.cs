namespace Workflow.Cli.Api;

/// <summary>A relay of a cycle: its units, its sub-cycle once issued and that sub-cycle's progress.</summary>
internal sealed record RelayRow(
    string UnitId,
    string Name,
    int UnitsUnder,
    string? SubCycleId,
    string? RuntimeStatus,
    string? PhaseLabel,
    int Expected,
    int OnTime,
    int Late,
    int Missing,
    string? Text);
