using System.Net;

namespace Workflow.MailSink;

/// <summary>
/// The recording endpoint: SendGrid's <c>POST /v3/mail/send</c> and its Email Activity lookup by the <c>message_key</c>
/// custom arg (<c>GET /v3/messages</c>), plus <c>GET</c>/<c>DELETE /messages</c> for the demo and tests.
/// </summary>
public static class MailSinkApp
{
    public const string DefaultUrl = "http://127.0.0.1:5025";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<MailSinkOptions>().BindConfiguration(MailSinkOptions.SectionName);
        builder.Services.AddSingleton<MailRecorder>();
        var app = builder.Build();
        if (app.Urls.Count == 0 && string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            app.Urls.Add(DefaultUrl);
        }

        foreach (var url in app.Urls.Concat((builder.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)))
        {
            // Everything here talks to 127.0.0.1 only; a wider binding is a configuration mistake.
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IPAddress.TryParse(uri.Host, out var ip) || !IPAddress.IsLoopback(ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                throw new InvalidOperationException($"The mail sink binds to 127.0.0.1 only, not '{url}'.");
            }
        }

        app.MapPost("/v3/mail/send", async (HttpRequest request, MailRecorder recorder) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            var authorization = request.Headers.Authorization.ToString();
            var authorized = authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > "Bearer ".Length;
            // The API key is never written down, not even a test one.
            var headers = request.Headers.ToDictionary(
                h => h.Key,
                h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? (authorized ? "Bearer ***" : "(invalid)") : h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase);
            var failure = recorder.TakeFailure();
            var mails = recorder.Record((requestSequence, nextSequence) => SendGridRequest.Parse(requestSequence, nextSequence, recorder.Now, headers, body, authorized, failure));
            var mail = mails[0];
            if (mail.Accepted)
            {
                request.HttpContext.Response.Headers["X-Message-Id"] = mail.MessageId;
                return Results.StatusCode(202);
            }

            return Results.Json(new { errors = mail.Errors.Select(e => new { message = e, field = e.Split(':')[0] }) }, statusCode: mail.Status);
        });
        // SendGrid's Email Activity lookup, for the one query the outbox makes: unique_args['message_key']="…".
        app.MapGet("/v3/messages", (HttpRequest request, MailRecorder recorder) =>
        {
            var authorization = request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == "Bearer ".Length)
            {
                return Results.Json(new { errors = new[] { new { message = "authorization: a Bearer API key is required", field = "authorization" } } }, statusCode: 401);
            }

            if (recorder.TakeLookupFailure() is { } status)
            {
                return Results.Json(new { errors = new[] { new { message = $"sink: answering {status} as a test asked", field = (string?)null } } }, statusCode: status);
            }

            if (ActivityQuery.MessageKey(request.Query["query"]) is not { } key)
            {
                return Results.Json(new { errors = new[] { new { message = "query: only unique_args['message_key']=\"…\" is supported here", field = "query" } } }, statusCode: 400);
            }

            var limit = int.TryParse(request.Query["limit"], out var l) && l is > 0 and <= 1000 ? l : 10;
            var messages = recorder.Messages
                .Where(m => m.Accepted && m.CustomArgs.TryGetValue(ActivityQuery.MessageKeyArg, out var k) && k == key)
                .Take(limit)
                .Select(m => new
                {
                    from_email = m.From,
                    msg_id = $"{m.MessageId}.{m.Sequence}",
                    subject = m.Subject,
                    to_email = m.To.FirstOrDefault(),
                    status = "delivered",
                    opens_count = 0,
                    clicks_count = 0,
                    last_event_time = m.ReceivedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                });
            return Results.Json(new { messages });
        });
        app.MapGet("/messages", (MailRecorder recorder) => Results.Json(recorder.Messages));
        app.MapDelete("/messages", (MailRecorder recorder) =>
        {
            recorder.Clear();
            return Results.NoContent();
        });
        return app;
    }
}
