namespace Workflow.Orchestrations;

internal static class OrchestrationClock
{
    /// <summary>The episode's deterministic time as an instant, to compare with deadlines and schedule points.</summary>
    public static DateTimeOffset Now(this TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
