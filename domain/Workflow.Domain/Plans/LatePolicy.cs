namespace Workflow.Domain.Plans;

public enum LatePolicy
{
    /// <summary>Late reports are taken and marked late: the point is to chase them.</summary>
    AcceptAndMarkLate,

    /// <summary>"Quá thời hạn ... sẽ không tiếp nhận": late files are refused and the attempt recorded.</summary>
    Reject,
}
