namespace Workflow.Api.Contracts;

/// <summary>Why an instance failed, without stack traces.</summary>
public sealed record FailureInfo(string ErrorType, string ErrorMessage);
