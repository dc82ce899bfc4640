namespace Workflow.Storage;

public enum UploadOutcome
{
    AcceptedOnTime,
    AcceptedLate,

    /// <summary>Late under a Reject policy: audited, nothing stored as a dossier.</summary>
    RejectedLate,

    /// <summary>Bad input (empty file, no usable name, too large, wrong type) or a unit with nothing to hand in.</summary>
    RejectedInvalid,
}
