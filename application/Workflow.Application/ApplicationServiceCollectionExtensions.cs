using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workflow.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The cycle's use cases over storage and e-mail (both registered here too); the durable engine and its client are registered by the host.</summary>
    public static IServiceCollection AddReportingCycles(this IServiceCollection services, string sectionName = CycleOptions.SectionName)
    {
        services.AddOptions<CycleOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddWorkflowStorage();
        services.AddWorkflowEmail();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UnitLinks>();
        services.TryAddSingleton<CycleMail>();
        services.TryAddSingleton<CycleClocks>();
        services.TryAddSingleton<CycleConsolidation>();
        services.TryAddSingleton<CycleTally>();
        services.TryAddSingleton<ConsolidationSnapshots>();
        services.TryAddSingleton<MailOutboxService>();
        services.TryAddSingleton<SubmissionService>();
        services.TryAddSingleton<RecordReviews>();
        services.TryAddSingleton<AwardDrafts>();
        services.TryAddSingleton<CycleStarter>();
        services.TryAddSingleton<SubCycles>();
        services.TryAddSingleton<QuotaSetting>();
        services.TryAddSingleton<CycleActivities>();
        return services;
    }
}
