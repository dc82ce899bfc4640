namespace Workflow.Api.Contracts;

public enum NomineeVerdict
{
    /// <summary>The round has not judged it yet.</summary>
    Pending,
    Accepted,
    Refused,
}
