namespace Workflow.Api.Contracts;

/// <summary>A category of nominee a unit may propose in a round.</summary>
public sealed record ProfileInfo(string Id, string Name, NomineeKind NomineeKind);
