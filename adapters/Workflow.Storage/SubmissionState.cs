namespace Workflow.Storage;

public enum SubmissionState
{
    Pending,
    Submitted,
}
