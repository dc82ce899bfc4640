using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Workflow.Soak;

/// <summary>
/// The campaign's HTTP client, recording every answer. Legitimate clients behave like a unit or an operator would:
/// on a connection error, a timeout or a server error they try again (after Retry-After when the answer gives one)
/// until they are answered 2xx or 4xx or give up after a few minutes. Hostile requests are sent again only when
/// nobody answered (the host was being replaced); their answers are taken as they come.
/// </summary>
internal sealed class SoakClient(HttpClient http, SoakLab lab)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    public ConcurrentQueue<Response> Responses { get; } = new();

    public Task<Answer> OperatorAsync(HttpMethod method, string path, string route, Func<HttpContent>? content = null, Traffic traffic = Traffic.Other) =>
        SendAsync(() => Request(method, path, "X-Api-Key", lab.OperatorKey, content), route, traffic);

    public Task<Answer> UnitAsync(HttpMethod method, string path, string token, string route, Func<HttpContent>? content = null, Traffic traffic = Traffic.Other) =>
        SendAsync(() => Request(method, path, "Authorization", $"Bearer {token}", content), route, traffic);

    /// <summary>An operator read that must succeed; the parsed body.</summary>
    public async Task<JsonDocument> OperatorJsonAsync(string path, string route)
    {
        var answer = await OperatorAsync(HttpMethod.Get, path, route);
        return answer.Accepted ? JsonDocument.Parse(answer.Body) : throw new InvalidOperationException($"GET {path} answered {answer.Status}: {answer.Body}");
    }

    public async Task<Answer> SendAsync(Func<HttpRequestMessage> create, string route, Traffic traffic)
    {
        var until = DateTime.UtcNow + GiveUpAfter;
        var faulted = false;
        while (true)
        {
            var wait = DefaultWait;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var request = create();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var retryAfter = response.Headers.RetryAfter;
                Responses.Enqueue(new Response(route, traffic, status, retryAfter is not null));
                var expected = status == 503 && retryAfter is not null;
                faulted |= status >= 500 && !expected;
                if (status < 500 || traffic == Traffic.Hostile || DateTime.UtcNow > until)
                {
                    return new Answer(status, body, Stopwatch.GetElapsedTime(started), faulted);
                }

                wait = retryAfter?.Delta ?? (retryAfter?.Date - DateTimeOffset.UtcNow) ?? DefaultWait;
                wait = TimeSpan.FromSeconds(Math.Clamp(wait.TotalSeconds, 0.2, 10));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                if (DateTime.UtcNow > until)
                {
                    return new Answer(0, e.Message, Stopwatch.GetElapsedTime(started), Faulted: true);
                }

                await lab.EnsureHostAsync();
            }

            await Task.Delay(wait);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string header, string value, Func<HttpContent>? content)
    {
        var request = new HttpRequestMessage(method, new Uri(lab.Host, path)) { Content = content?.Invoke() };
        if (header == "Authorization")
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(value);
        }
        else
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return request;
    }
}
