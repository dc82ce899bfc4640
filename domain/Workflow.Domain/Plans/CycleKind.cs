namespace Workflow.Domain.Plans;

public enum CycleKind
{
    /// <summary>Tổng kết: the final review of a directive or programme.</summary>
    FinalReview,

    /// <summary>Sơ kết: an interim review.</summary>
    InterimReview,

    /// <summary>Phong trào thi đua hằng năm: an annual emulation campaign.</summary>
    AnnualEmulation,

    /// <summary>Đề án / chương trình nhiều năm, chạy theo giai đoạn.</summary>
    Programme,
}
