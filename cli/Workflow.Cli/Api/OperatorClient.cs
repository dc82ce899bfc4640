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

    public Task<CycleStarted> StartAsync(string planJson, string? id, RehearsalStart? rehearsal = null, CancellationToken cancellationToken = default) =>
        StartAsync(planJson, id, rehearsal, [], cancellationToken);

    /// <summary>
    /// Starts a cycle; with templates, as multipart/form-data (the plan in «plan», each file in «templates» under its
    /// declared name), so they are attached before the plan notice goes out.
    /// </summary>
    public async Task<CycleStarted> StartAsync(
        string planJson, string? id, RehearsalStart? rehearsal, IReadOnlyList<(string Name, byte[] Content)> templates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var query = new List<string>();
        if (id is not null)
        {
            query.Add($"id={Uri.EscapeDataString(id)}");
        }

        if (rehearsal is not null)
        {
            query.Add($"rehearsal={Uri.EscapeDataString(rehearsal.Mode)}");
            if (rehearsal.From is { } from)
            {
                query.Add($"from={Uri.EscapeDataString(Iso(from))}");
            }
        }

        var path = query.Count == 0 ? "api/cycles" : $"api/cycles?{string.Join('&', query)}";
        using HttpContent content = templates.Count == 0 ? new StringContent(planJson, Encoding.UTF8, "application/json") : StartForm(planJson, templates);
        using var response = await http.PostAsync(path, content, cancellationToken);
        return await ReadAsync<CycleStarted>(response, cancellationToken);
    }

    /// <summary>Attaches (or replaces) one template of a cycle's forms; the body is the file itself.</summary>
    public async Task<TemplateInfo> AttachTemplateAsync(string id, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.PutAsync($"{CyclePath(id)}/templates/{Uri.EscapeDataString(fileName)}", body, cancellationToken);
        return await ReadAsync<TemplateInfo>(response, cancellationToken);
    }

    private static MultipartFormDataContent StartForm(string planJson, IReadOnlyList<(string Name, byte[] Content)> templates)
    {
        var form = new MultipartFormDataContent();
        var plan = new ByteArrayContent(Encoding.UTF8.GetBytes(planJson));
        plan.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        form.Add(plan, "plan", "plan.json");
        foreach (var (name, bytes) in templates)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "templates", name);
        }

        return form;
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

    public async Task<ExtensionAccepted> ExtendAsync(string id, ExtensionRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"{CyclePath(id)}/extensions", request, Json, cancellationToken);
        return await ReadAsync<ExtensionAccepted>(response, cancellationToken);
    }

    /// <summary>Sets the numbers of a round's pending quota rule.</summary>
    public async Task<QuotaAccepted> SetQuotaAsync(string id, string round, string quota, QuotaRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync(
            $"{CyclePath(id)}/rounds/{Uri.EscapeDataString(round)}/quotas/{Uri.EscapeDataString(quota)}", request, Json, cancellationToken);
        return await ReadAsync<QuotaAccepted>(response, cancellationToken);
    }

    /// <summary>Moves a stepped rehearsal to <paramref name="to"/>, or to its next schedule instant when null.</summary>
    public async Task<ControlAccepted> AdvanceAsync(string id, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var path = $"{CyclePath(id)}/rehearsal/advance";
        using var response = to is { } instant
            ? await http.PostAsJsonAsync(path, new AdvanceRequest(instant.ToUniversalTime()), Json, cancellationToken)
            : await http.PostAsync(path, content: null, cancellationToken);
        return await ReadAsync<ControlAccepted>(response, cancellationToken);
    }

    public Task TerminateAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        PostAsync($"{CyclePath(id)}/terminate", new ReasonRequest(reason), cancellationToken);

    public async Task<ControlAccepted> RetryAsync(string id, string pieceId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"{CyclePath(id)}/failures/{Uri.EscapeDataString(pieceId)}/retry", content: null, cancellationToken);
        return await ReadAsync<ControlAccepted>(response, cancellationToken);
    }

    public async Task<AwardInfo> AwardAsync(string id, string round, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{CyclePath(id)}/awards/{Uri.EscapeDataString(round)}", cancellationToken);
        return await ReadAsync<AwardInfo>(response, cancellationToken);
    }

    /// <summary>Records a round's signed decision; the host then keeps the award on each awardee's record.</summary>
    public async Task RecordDecisionAsync(string id, string round, DecisionRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"{CyclePath(id)}/awards/{Uri.EscapeDataString(round)}/decision", request, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<ExportLink>> ExportsAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{CyclePath(id)}/exports", cancellationToken);
        return await ReadAsync<List<ExportLink>>(response, cancellationToken);
    }

    /// <summary>Tổng hợp ngay: the host consolidates the cycle at its current instant and keeps it as a snapshot.</summary>
    public async Task<SnapshotInfo> TakeSnapshotAsync(string id, SnapshotRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"{CyclePath(id)}/consolidations", request, Json, cancellationToken);
        return await ReadAsync<SnapshotInfo>(response, cancellationToken);
    }

    /// <summary>The cycle's snapshots, newest first.</summary>
    public async Task<IReadOnlyList<SnapshotInfo>> SnapshotsAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{CyclePath(id)}/consolidations", cancellationToken);
        return await ReadAsync<List<SnapshotInfo>>(response, cancellationToken);
    }

    public async Task<SnapshotInfo> SnapshotAsync(string id, string snapshotId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{CyclePath(id)}/consolidations/{Uri.EscapeDataString(snapshotId)}", cancellationToken);
        return await ReadAsync<SnapshotInfo>(response, cancellationToken);
    }

    /// <summary>The cycle's undelivered mails; <paramref name="state"/> is "pending", "failed" or null for both.</summary>
    public async Task<IReadOnlyList<MailRow>> MailsAsync(string id, string? state, CancellationToken cancellationToken = default)
    {
        var path = $"{CyclePath(id)}/mails" + (state is null ? "" : $"?state={Uri.EscapeDataString(state)}");
        using var response = await http.GetAsync(path, cancellationToken);
        return await ReadAsync<List<MailRow>>(response, cancellationToken);
    }

    public async Task<MailRow> ResendMailAsync(string id, string key, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"{CyclePath(id)}/mails/{Uri.EscapeDataString(key)}/resend", content: null, cancellationToken);
        return await ReadAsync<MailRow>(response, cancellationToken);
    }

    /// <summary>Issues a relay's own plan to the units under it; the body is a RelayPlanRequest as JSON.</summary>
    public async Task<SubCycleStarted> IssueRelayPlanAsync(string id, string relayId, string requestJson, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(requestJson, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"{CyclePath(id)}/relays/{Uri.EscapeDataString(relayId)}/plan", content, cancellationToken);
        return await ReadAsync<SubCycleStarted>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<RelayRow>> RelaysAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{CyclePath(id)}/relays", cancellationToken);
        return await ReadAsync<List<RelayRow>>(response, cancellationToken);
    }

    /// <summary>A sub-cycle's report to its parent as its units' reports pre-fill it now.</summary>
    public async Task<RollUpView> RollUpAsync(string subCycleId, string deliverableId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"{CyclePath(subCycleId)}/rollups/{Uri.EscapeDataString(deliverableId)}", cancellationToken);
        return await ReadAsync<RollUpView>(response, cancellationToken);
    }

    /// <summary>Sends the relay's report up, as multipart: «file», «statistics», «corrections» and «form:{id}» parts.</summary>
    public async Task<ReportReceipt> SubmitRollUpAsync(string subCycleId, string deliverableId, RollUpSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        using var form = new MultipartFormDataContent();
        form.Add(FilePart(submission.Content), "file", submission.FileName);
        if (submission.Statistics is { } statistics)
        {
            form.Add(new StringContent(statistics, Encoding.UTF8, "application/json"), "statistics");
        }

        if (submission.Corrections.Count > 0)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(submission.Corrections, Json), Encoding.UTF8, "application/json"), "corrections");
        }

        foreach (var filled in submission.Forms)
        {
            form.Add(FilePart(filled.Content), $"form:{filled.FormId}", filled.FileName);
        }

        using var response = await http.PostAsync($"{CyclePath(subCycleId)}/rollups/{Uri.EscapeDataString(deliverableId)}", form, cancellationToken);
        return await ReadAsync<ReportReceipt>(response, cancellationToken);
    }

    /// <summary>Forwards the relay's picks of a round, with their dossiers, to the parent round.</summary>
    public async Task<IReadOnlyList<ForwardRow>> ForwardAsync(string subCycleId, string roundId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"{CyclePath(subCycleId)}/forwards/{Uri.EscapeDataString(roundId)}", content: null, cancellationToken);
        return await ReadAsync<List<ForwardRow>>(response, cancellationToken);
    }

    // The host checks a file by its extension and content, not by the declared type.
    private static ByteArrayContent FilePart(byte[] content)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return part;
    }

    /// <summary>Copies one export to <paramref name="destination"/>; the link may be absolute or relative to the host.</summary>
    public async Task DownloadAsync(ExportLink export, Stream destination, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri(BaseAddress, export.Url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>An instant as the API's query strings take it: ISO 8601 in UTC.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body of a GET as the host sent it, for --json.</summary>
    public async Task<string> GetJsonAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Every page's items as one array, for list --json.</summary>
    public async Task<string> ListJsonAsync(CancellationToken cancellationToken = default)
    {
        var items = new System.Text.Json.Nodes.JsonArray();
        string? token = null;
        do
        {
            var page = System.Text.Json.Nodes.JsonNode.Parse(await GetJsonAsync(token is null ? "api/cycles" : $"api/cycles?continuationToken={Uri.EscapeDataString(token)}", cancellationToken));
            foreach (var item in page?["items"]?.AsArray().ToList() ?? [])
            {
                item?.Parent?.AsArray().Remove(item);
                items.Add(item);
            }

            token = page?["continuationToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(token));

        return items.ToJsonString();
    }

    public static string CyclePath(string id) => $"api/cycles/{Uri.EscapeDataString(id)}";

    public async Task<WhoAmI> WhoAmIAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/me", cancellationToken);
        return await ReadAsync<WhoAmI>(response, cancellationToken);
    }

    public async Task<OperatorIssued> IssueOperatorAsync(OperatorRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/operators", request, Json, cancellationToken);
        return await ReadAsync<OperatorIssued>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<OperatorAccount>> OperatorsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/operators", cancellationToken);
        return await ReadAsync<List<OperatorAccount>>(response, cancellationToken);
    }

    public async Task<OperatorAccount> RevokeOperatorAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/operators/{Uri.EscapeDataString(id)}/revoke", null, cancellationToken);
        return await ReadAsync<OperatorAccount>(response, cancellationToken);
    }

    public async Task<OperatorIssued> RotateOperatorAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/operators/{Uri.EscapeDataString(id)}/rotate", null, cancellationToken);
        return await ReadAsync<OperatorIssued>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<AccessDenial>> DenialsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/operators/denials", cancellationToken);
        return await ReadAsync<List<AccessDenial>>(response, cancellationToken);
    }

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
