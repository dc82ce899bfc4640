namespace Workflow.Api.Contracts;

/// <summary>A fact a criterion needs: a yes/no (<see cref="Required"/> is the answer that meets it) or a number (its <see cref="Minimum"/>).</summary>
public sealed record FactInfo(string Id, string Description, bool? Required, decimal? Minimum);
