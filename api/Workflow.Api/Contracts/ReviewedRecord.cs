namespace Workflow.Api.Contracts;

/// <summary>The record after the review, and the nominee's verdicts as the round now stands.</summary>
public sealed record ReviewedRecord(AchievementRow Record, NomineeRow Nominee);
