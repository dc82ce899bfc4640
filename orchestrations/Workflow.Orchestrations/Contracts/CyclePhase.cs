namespace Workflow.Orchestrations.Contracts;

public enum CyclePhase
{
    /// <summary>Recording the plan and notifying the units.</summary>
    Issuing,

    /// <summary>Collecting reports and nominations, reminding and chasing.</summary>
    Collecting,

    /// <summary>Summing the statistics and building the lists.</summary>
    Consolidating,

    /// <summary>Closed; everything stays available for audit.</summary>
    Closed,
}
