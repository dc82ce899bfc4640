namespace Workflow.Api.Contracts;

/// <summary>A signed award decision as the operator enters it: its number ("125/QĐ-UBND") and the day it was signed.</summary>
public sealed record DecisionBody(string? Number, DateOnly? SignedOn);
