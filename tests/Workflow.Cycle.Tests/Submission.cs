using Workflow.Domain.Nominations;

namespace Workflow.Cycle.Tests;

/// <summary>One arrival in the scenario: a report version or a nomination dossier, and what the boundary must decide.</summary>
internal sealed record Submission(DateTimeOffset At, string Unit, string Subject, int Version, bool Late, bool Accepted, int Seed, Nomination? Nomination = null);
