using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Workflow.Durable.AzureStorage;

public static class DurableTaskStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the durable runtime on Azure Storage: the worker as a hosted service, a
    /// <see cref="DurableTaskClient"/>, and the orchestrators and activities given to <paramref name="registerTasks"/>.
    /// Options come from configuration section <paramref name="configSectionPath"/> (then <paramref name="configureOptions"/>),
    /// validated at start. A <see cref="TimeProvider"/> registered before this call is used for all business time.
    /// </summary>
    public static IServiceCollection AddDurableTaskAzureStorage(
        this IServiceCollection services,
        Action<DurableTaskRegistry> registerTasks,
        Action<DurableTaskStorageOptions>? configureOptions = null,
        string configSectionPath = DurableTaskStorageOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(registerTasks);
        var optionsBuilder = services.AddOptions<DurableTaskStorageOptions>()
            .BindConfiguration(configSectionPath)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configureOptions is not null)
        {
            optionsBuilder.Configure(configureOptions);
        }

        var registry = new DurableTaskRegistry();
        registerTasks(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(registry);
        services.AddSingleton(sp => new TaskHub(sp.GetRequiredService<IOptions<DurableTaskStorageOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AzureStorageDurableTaskClient(sp.GetRequiredService<TaskHub>()));
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<AzureStorageDurableTaskClient>());
        services.AddSingleton(sp => new DurableTaskStorageWorker(
            sp.GetRequiredService<TaskHub>(),
            sp.GetRequiredService<DurableTaskRegistry>(),
            sp.GetRequiredService<AzureStorageDurableTaskClient>(),
            sp,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskStorageWorker>());
        return services;
    }
}
