using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Email;

namespace Workflow.Api.Health;

/// <summary>
/// Probes what the host depends on, each on its own and all at once, each within <see cref="ProbeTimeout"/>: storage
/// (the dossier container and the status table, with clients that do not retry, so a dead account answers quickly), the
/// engine (its worker running, where the host has one, and its task hub answering a lookup) and the mail endpoint
/// (answering HTTP at all).
/// </summary>
public sealed class ServiceHealth(IOptions<StorageOptions> storage, IOptions<EmailOptions> email, IHttpClientFactory http, TimeProvider time, IEngineLiveness? engine = null)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public const string HttpClientName = "health";

    private readonly BlobContainerClient _dossiers = new BlobServiceClient(storage.Value.ConnectionString, new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = ProbeTimeout } })
        .GetBlobContainerClient(storage.Value.DossierContainer);

    private readonly TableServiceClient _tables = new(storage.Value.ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = ProbeTimeout } });

    public async Task<HealthStatus> CheckAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var storageProbe = ProbeAsync(StorageAsync, "Không kết nối được kho lưu trữ", cancellationToken);
        var engineProbe = ProbeAsync(ct => EngineAsync(client, ct), "Bộ máy quy trình không trả lời", cancellationToken);
        var mailProbe = ProbeAsync(MailAsync, "Không kết nối được máy chủ gửi thư", cancellationToken);
        var (s, e, m) = (await storageProbe, await engineProbe, await mailProbe);
        var ok = s.State == ComponentState.Up && e.State == ComponentState.Up && m.State == ComponentState.Up;
        return new HealthStatus(ok ? "ok" : "unavailable", time.GetUtcNow(), s, e, m);
    }

    private async Task<string?> StorageAsync(CancellationToken cancellationToken)
    {
        // A missing container or table (a fresh account) still means the service answered.
        await _dossiers.ExistsAsync(cancellationToken);
        await foreach (var _ in _tables.QueryAsync(t => t.Name == storage.Value.StatusTable, maxPerPage: 1, cancellationToken).ConfigureAwait(false))
        {
            break;
        }

        return null;
    }

    private async Task<string?> EngineAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (engine is { IsRunning: false })
        {
            return "Bộ máy quy trình của máy chủ này chưa chạy hoặc đã dừng.";
        }

        // A lookup of an id no cycle uses: it reaches the task hub's instance table and finds nothing.
        await client.GetInstanceAsync("health-probe", getInputsAndOutputs: false, cancellationToken);
        return null;
    }

    private async Task<string?> MailAsync(CancellationToken cancellationToken)
    {
        // Any HTTP answer (SendGrid and the local sink answer 404 or 401 at their root) means the endpoint is there.
        using var response = await http.CreateClient(HttpClientName).GetAsync(new Uri(email.Value.Host), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode >= 500 ? $"Máy chủ gửi thư trả lời lỗi {(int)response.StatusCode}." : null;
    }

    private static async Task<ComponentHealth> ProbeAsync(Func<CancellationToken, Task<string?>> probe, string failure, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            // WaitAsync too: not every client honours cancellation promptly.
            var problem = await probe(timeout.Token).WaitAsync(ProbeTimeout, cancellationToken);
            return problem is null ? new ComponentHealth(ComponentState.Up, null) : new ComponentHealth(ComponentState.Down, problem);
        }
        catch (TimeoutException)
        {
            return new ComponentHealth(ComponentState.Down, $"{failure}: không trả lời trong {ProbeTimeout.TotalSeconds:0} giây.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ComponentHealth(ComponentState.Down, $"{failure}: không trả lời trong {ProbeTimeout.TotalSeconds:0} giây.");
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or InvalidOperationException or AggregateException || StorageFaults.IsUnavailable(ex))
        {
            return new ComponentHealth(ComponentState.Down, $"{failure}.");
        }
    }
}
