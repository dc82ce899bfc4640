namespace Workflow.Domain.Plans;

public enum DeliverableKind
{
    /// <summary>Báo cáo (sơ kết, tổng kết, hằng năm) following the plan's outline and forms.</summary>
    Report,

    /// <summary>Đăng ký thi đua (004).</summary>
    Registration,

    /// <summary>Kế hoạch triển khai thực hiện (002).</summary>
    ImplementationPlan,
}
