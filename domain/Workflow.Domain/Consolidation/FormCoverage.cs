namespace Workflow.Domain.Consolidation;

/// <summary>How many units of a block (or of the province) a form applies to.</summary>
public sealed record FormCoverage(string Form, int Units);
