using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;
using Workflow.Email;
using Workflow.MailSink;

namespace Workflow.Dashboard.Tests;

/// <summary>What a unit does: follows the link in its plan-notice e-mail and uploads a report through the unit API.</summary>
internal static partial class UnitUploads
{
    /// <summary>The unit's link token, from the <c>/u/{token}</c> link in the plan notice the sink recorded.</summary>
    public static string? TokenFromNotice(MailSinkServer sink, string cycleId, string unitId)
    {
        var notice = sink.Accepted.FirstOrDefault(m =>
            m.CustomArgs.TryGetValue(SendGridMailer.MessageKeyArg, out var key) && key == $"{cycleId}:{unitId}:plan:notice");
        return notice?.Text is { } text && LinkToken().Match(text) is { Success: true } match ? Uri.UnescapeDataString(match.Groups[1].Value) : null;
    }

    /// <summary>The text of the first receipt mail of the cycle sent to <paramref name="address"/>, waiting for the outbox to send it.</summary>
    public static async Task<string> ReceiptMailAsync(MailSinkServer sink, string cycleId, string address)
    {
        for (var waited = 0; waited < 150; waited++)
        {
            var receipt = sink.Accepted.FirstOrDefault(m =>
                m.CustomArgs.TryGetValue(SendGridMailer.MessageKeyArg, out var key) && key.StartsWith($"{cycleId}:receipt:", StringComparison.Ordinal) && m.To.Contains(address));
            if (receipt?.Text is { } text)
            {
                return text;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"No receipt mail to {address} in {cycleId}.");
    }

    public static async Task SubmitReportAsync(HttpClient http, Plan plan, string token, string deliverableId, int seed)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"%PDF-1.7\n% báo cáo {seed}\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "bao-cao.pdf");
        form.Add(new StringContent(JsonSerializer.Serialize(Statistics(plan, deliverableId, seed), StatisticsJson.Options), Encoding.UTF8, "application/json"), "statistics");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/unit/reports/{deliverableId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload of {deliverableId} refused: {(int)response.StatusCode} {body}");
    }

    /// <summary>A value for every field of the deliverable's forms.</summary>
    private static ReportStatistics Statistics(Plan plan, string deliverableId, int seed) => new()
    {
        Forms = plan.AllDeliverables().Single(d => d.Id == deliverableId).Forms.Where(f => !f.IsFileOnly).ToDictionary(
            form => form.Id,
            form => (IReadOnlyDictionary<string, FieldValue>)form.Fields.ToDictionary(field => field.Id, field => field.Type switch
            {
                FieldType.Integer => FieldValue.Of(seed),
                FieldType.Decimal => FieldValue.Of(1.5m),
                FieldType.Percent => FieldValue.Of(50),
                FieldType.Boolean => FieldValue.Of(true),
                FieldType.Table => FieldValue.Of(TableCell.ExampleRows(field, 2)),
                _ => FieldValue.Of("Không có ghi chú"),
            })),
    };

    [GeneratedRegex(@"/u/([A-Za-z0-9._~%\-]+)")]
    private static partial Regex LinkToken();
}
