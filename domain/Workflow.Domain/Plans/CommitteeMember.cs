namespace Workflow.Domain.Plans;

/// <summary>A member of the provincial steering committee who supervises an area and is copied on escalations.</summary>
public sealed record CommitteeMember(string Id, string Name, string Email);
