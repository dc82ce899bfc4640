namespace Workflow.Orchestrations.Contracts;

/// <summary>A line of the cycle's timeline: a piece failed (<see cref="Recovered"/> false) or a retry of it succeeded.</summary>
public sealed record PieceNote(string CycleId, FailedPiece Piece, bool Recovered, string? RequestedBy = null);
