namespace Workflow.Domain.Plans;

public enum ProgrammePeriodKind
{
    ImplementationPlans,
    YearlyReport,
    InterimReview,
    FinalReview,
}
