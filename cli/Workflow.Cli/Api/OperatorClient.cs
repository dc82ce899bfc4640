using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Cli.Api;

/// <summary>The operator routes of the host's API, over the one HttpClient the command line owns.</summary>
internal sealed class OperatorClient(HttpClient http)
{
    public const string KeyHeader = "X-Api-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<CycleStarted> StartAsync(string planJson, string? id, CancellationToken cancellationToken = default)
    {
        var path = id is null ? "api/cycles" : $"api/cycles?id={Uri.EscapeDataString(id)}";
        using var content = new StringContent(planJson, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content, cancellationToken);
        return await ReadAsync<CycleStarted>(response, cancellationToken);
    }

    /// <summary>Every cycle, following continuation tokens.</summary>
    public async Task<IReadOnlyList<CycleListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<CycleListItem>();
        string? token = null;
        do
        {
            var path = token is null ? "api/cycles" : $"api/cycles?continuationToken={Uri.EscapeDataString(token)}";
            using var response = await http.GetAsync(path, cancellationToken);
            var page = await ReadAsync<CyclePage>(response, cancellationToken);
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));

        return items;
    }

    public async Task<CycleDetail> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(CyclePath(id), cancellationToken);
        return await ReadAsync<CycleDetail>(response, cancellationToken);
    }

    public Task ExtendAsync(string id, ExtensionRequest request, CancellationToken cancellationToken = default) =>
        PostAsync($"{CyclePath(id)}/extensions", request, cancellationToken);

    public Task TerminateAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        PostAsync($"{CyclePath(id)}/terminate", new ReasonRequest(reason), cancellationToken);

    public async Task<IReadOnlyList<ExportLink>> ExportsAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{CyclePath(id)}/exports", cancellationToken);
        return await ReadAsync<List<ExportLink>>(response, cancellationToken);
    }

    /// <summary>Copies one export to <paramref name="destination"/>; the link may be absolute or relative to the host.</summary>
    public async Task DownloadAsync(ExportLink export, Stream destination, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri(BaseAddress, export.Url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    private static string CyclePath(string id) => $"api/cycles/{Uri.EscapeDataString(id)}";

    private async Task PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ApiException(new Problem((int)response.StatusCode, "Máy chủ trả về nội dung rỗng.", null, []));
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ApiException(ProblemReader.Read((int)response.StatusCode, body));
        }
    }
}
