namespace Workflow.Cli.Api;

/// <summary>The host answered with an error status; <see cref="Problem"/> says what it reported.</summary>
internal sealed class ApiException(Problem problem) : Exception(problem.Title ?? $"HTTP {problem.Status}")
{
    public Problem Problem { get; } = problem;
}
