namespace Workflow.Api.Contracts;

/// <summary>An operator's verdict on an achievement record: <c>verified</c>, or <c>refused</c> with a reason.</summary>
public sealed record RecordReviewBody(ReviewVerdict? Verdict, string? Reason);
