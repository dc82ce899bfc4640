using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.FollowUp;

/// <summary>
/// Follows one unit on one deliverable or nomination round. Each step races the submission against the next
/// reminder instant (and an operator's extension); it reminds before the deadline, chases after it, escalates
/// after the configured number of chases, and stops the moment a submission arrives.
/// </summary>
public sealed class UnitFollowUpOrchestrator : TaskOrchestrator<FollowUpInput, FollowUpResult>
{
    public override async Task<FollowUpResult> RunAsync(TaskOrchestrationContext context, FollowUpInput input)
    {
        var zone = VietnamTime.ZoneOf(input.TimeZone);
        var deadline = input.Deadline;
        var handled = new HashSet<string>(StringComparer.Ordinal);
        var remindersSent = 0;
        var escalated = false;
        var submission = context.WaitForExternalEvent<SubmissionReceived>(SubmissionReceived.EventName);
        var extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);

        while (true)
        {
            var now = context.Now();
            var cutoff = new DeadlineEvaluator(zone).Cutoff(deadline);
            // Points that fell due before this step (the cycle started late, the host was down) are not sent in a burst.
            var next = ScheduleBuilder.ForDeadline(input.Subject, deadline, input.LatePolicy, input.Reminders, zone)
                .Where(p => p.Kind != ScheduledPointKind.Deadline && p.Instant >= now && !handled.Contains(p.Key))
                .FirstOrDefault();
            // Late files are refused under the reject policy, so nothing can arrive after the cutoff.
            var giveUpAt = input.LatePolicy == LatePolicy.Reject ? cutoff : input.ClosesAt;
            var wakeAt = next?.Instant ?? giveUpAt;

            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt.UtcDateTime, cancelTimer.Token);
            var winner = await Task.WhenAny(submission, extension, timer);
            if (winner == submission)
            {
                await cancelTimer.CancelAsync();
                var received = await submission;
                var outcome = received.Late ? FollowUpOutcome.Late : FollowUpOutcome.OnTime;
                return new FollowUpResult(input.UnitId, input.Subject, outcome, received.ReceivedAt, remindersSent, escalated);
            }

            if (winner == extension)
            {
                await cancelTimer.CancelAsync();
                deadline = (await extension).NewDeadline;
                extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);
                continue;
            }

            if (next is null)
            {
                return new FollowUpResult(input.UnitId, input.Subject, FollowUpOutcome.Missing, null, remindersSent, escalated);
            }

            handled.Add(next.Key);
            var request = new ReminderRequest(input.CycleId, input.UnitId, input.Subject, next.Key, next.Kind, next.Sequence);
            if (await context.CallActivityAsync<bool>(nameof(ICycleActivities.SendReminder), request, ActivityRetry.Default))
            {
                remindersSent++;
                escalated |= next.Kind == ScheduledPointKind.Escalation;
            }
        }
    }
}
