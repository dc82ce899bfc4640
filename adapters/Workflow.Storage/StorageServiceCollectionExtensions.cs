using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workflow.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Dossier and status stores and the upload boundary, configured from the "Storage" section and validated at start.</summary>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, string sectionName = StorageOptions.SectionName)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDossierStore, BlobDossierStore>();
        services.TryAddSingleton<IStatusStore, TableStatusStore>();
        services.TryAddSingleton<IPlanStore, BlobPlanStore>();
        services.TryAddSingleton<ITemplateStore, BlobTemplateStore>();
        services.TryAddSingleton<IPlanDrafts, BlobPlanDrafts>();
        services.TryAddSingleton<ICycleLinks, TableCycleLinks>();
        services.TryAddSingleton<IOperatorAccounts, TableOperatorAccounts>();
        services.TryAddSingleton<IAchievementRegistry, TableAchievementRegistry>();
        services.TryAddSingleton<UploadAcceptance>();
        services.TryAddSingleton<UploadReconciler>();
        return services;
    }
}
