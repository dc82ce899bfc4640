using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Workflow.Demo;

/// <summary>The HTTP calls the demo makes: as the operator (key header) and as units (their e-mailed link tokens).</summary>
internal sealed class DemoApi(HttpClient http, DemoOptions options)
{
    /// <summary>Starts the plan as a stepped rehearsal standing at <paramref name="from"/>; returns the cycle id.</summary>
    public async Task<string> StartRehearsalAsync(string planJson, DateTimeOffset from)
    {
        var at = from.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using var request = Operator(HttpMethod.Post, $"/api/cycles?rehearsal=step&from={at}");
        request.Content = new StringContent(planJson, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Không bắt đầu được kỳ báo cáo ({(int)response.StatusCode}): {body}");
        }

        using var started = JsonDocument.Parse(body);
        return started.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Moves the stepped rehearsal to <paramref name="to"/>, or to its next schedule instant when null.</summary>
    public async Task AdvanceAsync(string id, DateTimeOffset? to)
    {
        using var request = Operator(HttpMethod.Post, $"/api/cycles/{id}/rehearsal/advance");
        if (to is { } instant)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(new { to = instant.ToUniversalTime() }), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Không chuyển được thời gian diễn tập ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<JsonDocument> CycleAsync(string id)
    {
        using var request = Operator(HttpMethod.Get, $"/api/cycles/{id}");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonDocument> ExportsAsync(string id)
    {
        using var request = Operator(HttpMethod.Get, $"/api/cycles/{id}/exports");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonDocument> NominationsAsync(string id, string roundId)
    {
        using var request = Operator(HttpMethod.Get, $"/api/cycles/{id}/nominations/{roundId}");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The province's picks for a level it chooses from a lower round; returns the status code and body.</summary>
    public async Task<(int Status, string Body)> PickAsync(string id, string roundId, IReadOnlyList<string> nominations)
    {
        using var request = Operator(HttpMethod.Post, $"/api/cycles/{id}/picks/{roundId}");
        request.Content = new StringContent(JsonSerializer.Serialize(new { nominations, pickedBy = "Phòng Tham mưu (PV01)" }), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An operator's verdict on one achievement record of a nominee.</summary>
    public async Task<(int Status, string Body)> ReviewAsync(string id, string roundId, string nominationId, string recordId, string verdict, string? reason = null)
    {
        using var request = Operator(HttpMethod.Post, $"/api/cycles/{id}/nominations/{roundId}/{nominationId}/achievements/{recordId}/review");
        request.Content = new StringContent(JsonSerializer.Serialize(new { verdict, reason }), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A round's award: its figures and the drafts to download.</summary>
    public async Task<JsonDocument> AwardAsync(string id, string roundId)
    {
        using var request = Operator(HttpMethod.Get, $"/api/cycles/{id}/awards/{roundId}");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A relay (district) issues its plan to the units under it; returns the status code and body (the sub-cycle or a problem).</summary>
    public async Task<(int Status, string Body)> IssueRelayPlanAsync(string id, string relayId, object request)
    {
        using var message = Operator(HttpMethod.Post, $"/api/cycles/{id}/relays/{relayId}/plan");
        message.Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A relay's report to the parent as pre-filled from its sub-cycle.</summary>
    public async Task<JsonDocument> RollUpDraftAsync(string subCycleId, string deliverableId)
    {
        using var request = Operator(HttpMethod.Get, $"/api/cycles/{subCycleId}/rollups/{deliverableId}");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Không lấy được báo cáo tổng hợp «{deliverableId}» của «{subCycleId}» ({(int)response.StatusCode}): {body}");
        }

        return JsonDocument.Parse(body);
    }

    /// <summary>Submits a relay's roll-up to the parent; returns the status code and the body (a receipt or a problem).</summary>
    public async Task<(int Status, string Body)> RollUpAsync(string subCycleId, string deliverableId, MultipartFormDataContent form)
    {
        using var request = Operator(HttpMethod.Post, $"/api/cycles/{subCycleId}/rollups/{deliverableId}");
        request.Content = form;
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonDocument> MailsAsync() => JsonDocument.Parse(await http.GetStringAsync(new Uri(options.MailSink, "/messages")));

    public async Task<JsonDocument> TasksAsync(string token)
    {
        using var request = Unit(HttpMethod.Get, "/api/unit/tasks", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads a multipart form as the unit; returns the status code and the body (a receipt or a problem).</summary>
    public async Task<(int Status, string Body)> UploadAsync(string token, string path, MultipartFormDataContent form)
    {
        using var request = Unit(HttpMethod.Post, path, token);
        request.Content = form;
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private HttpRequestMessage Operator(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(options.Host, path));
        request.Headers.Add("X-Api-Key", options.OperatorKey);
        return request;
    }

    private HttpRequestMessage Unit(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, new Uri(options.Host, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
