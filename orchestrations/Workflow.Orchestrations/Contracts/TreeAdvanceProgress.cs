namespace Workflow.Orchestrations.Contracts;

/// <summary>How far a tree's advance has got: sub-cycles woken of those due, and how many of the woken have not yet acted.</summary>
public sealed record TreeAdvanceProgress(int Woken, int Due, int Waking);
