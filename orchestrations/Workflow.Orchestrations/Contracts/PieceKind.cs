namespace Workflow.Orchestrations.Contracts;

/// <summary>The parts of a cycle that can fail on their own without failing the cycle.</summary>
public enum PieceKind
{
    /// <summary>A batch of plan notices.</summary>
    PlanNotices,

    /// <summary>A batch of reminders, chases or escalations.</summary>
    Mails,

    /// <summary>A nomination round's judgement.</summary>
    Round,

    /// <summary>The consolidation, or one deliverable or round within it.</summary>
    Consolidation,
}
