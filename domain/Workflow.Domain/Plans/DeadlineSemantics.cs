namespace Workflow.Domain.Plans;

public enum DeadlineSemantics
{
    /// <summary>"Trước ngày D": the last accepted instant is D−1 23:59:59.999 Vietnam time.</summary>
    Before,

    /// <summary>"Chậm nhất ngày D" / "hoàn thành ngày D": D itself is included.</summary>
    By,

    /// <summary>"Trong tháng M": every day of month M is included.</summary>
    WithinMonth,
}
