namespace Workflow.Domain.Consolidation;

/// <summary>
/// One nomination round's figures, as the round shows them: dossiers taken in (for a level the province picks: its
/// picks), accepted after every check, refused by the checks, and late attempts refused at the boundary (proposal
/// rounds only, counted from the audit).
/// </summary>
public sealed record RoundCounts(string RoundId, bool PickedLevel, int Received, int Accepted, int Refused, int LateRejected);
