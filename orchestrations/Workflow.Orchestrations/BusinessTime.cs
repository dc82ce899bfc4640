namespace Workflow.Orchestrations;

/// <summary>Business time inside orchestrations: the episode's time through the cycle's clock, and waits that never end early.</summary>
public static class BusinessTime
{
    /// <summary>The episode's deterministic wall time as an instant.</summary>
    public static DateTimeOffset WallNow(this TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <summary>The episode's business time; a stepped rehearsal has no wall mapping and stands at its origin.</summary>
    public static DateTimeOffset Now(this TaskOrchestrationContext context, BusinessClock clock) => clock.ToBusiness(context.WallNow());

    /// <summary>
    /// Waits until business time has reached <paramref name="instant"/>. DTFx on Azure Storage fires timers up to 1 s
    /// early (the queue's visibility delay is sent as whole seconds, truncated), so after every timer this re-checks the
    /// orchestration's own time and waits again. A re-armed timer asks for at least two seconds past the episode's time:
    /// the message is sent a little after that time, and a delay just under one second would be truncated to zero and
    /// fire at once, over and over. The wait ends less than 2 s of wall time after the instant.
    /// </summary>
    public static async Task WaitUntilAsync(this TaskOrchestrationContext context, BusinessClock clock, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        var due = clock.ToWall(instant);
        var first = true;
        while (context.WallNow() < due)
        {
            var fireAt = first ? due : Max(due, context.WallNow().AddSeconds(2));
            first = false;
            await context.CreateTimer(fireAt.UtcDateTime, cancellationToken);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
