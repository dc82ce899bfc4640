using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Workflow.Api.Tests;

/// <summary>Removes what a test host left in storage under its prefix: containers, tables and queues.</summary>
internal static class StoragePrefix
{
    public static async Task DeleteAsync(string connectionString, string prefix)
    {
        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix))
        {
            // The task hub's app lease outlives a killed host: break it, then delete.
            try
            {
                await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(blobs.GetBlobContainerClient(container.Name)).BreakAsync(TimeSpan.Zero);
            }
            catch (Azure.RequestFailedException)
            {
                // No lease to break.
            }

            await blobs.DeleteBlobContainerAsync(container.Name);
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "{") < 0))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var queues = new Azure.Storage.Queues.QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix))
        {
            await queues.DeleteQueueAsync(queue.Name);
        }
    }
}
