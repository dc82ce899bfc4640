namespace Workflow.Orchestrations.Contracts;

public enum FollowUpOutcome
{
    OnTime,
    Late,
    Missing,
}
