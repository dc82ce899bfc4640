namespace Workflow.Domain.Nominations;

public enum ReviewVerdict
{
    /// <summary>Đã xác minh.</summary>
    Verified,

    /// <summary>Không công nhận, with a reason.</summary>
    Refused,
}
