using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Email;

namespace Workflow.Api.Handlers;

/// <summary>Operators see the cycle's undelivered mails (pending or failed) and resend one.</summary>
public static class MailHandlers
{
    public static async Task<IResult> ListAsync(string id, string? state, DurableTaskClient client, IPlanStore plans, MailOutboxService mails, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is null)
        {
            return ApiProblems.CycleNotFound(id);
        }

        MailState[]? states = state switch
        {
            null or "" => null,
            "pending" => [MailState.Queued, MailState.Pending],
            "failed" => [MailState.Failed],
            _ => [],
        };
        if (states is [])
        {
            return ApiProblems.BadRequest("state", $"Trạng thái «{state}» không hợp lệ; dùng pending (chưa gửi được, đang chờ gửi lại) hoặc failed (gửi thất bại).");
        }

        var records = await mails.ListAsync(id, cancellationToken);
        return Results.Ok(records.Where(r => states is null || states.Contains(r.State)).Select(Row).ToList());
    }

    public static async Task<IResult> ResendAsync(string id, string key, DurableTaskClient client, IPlanStore plans, MailOutboxService mails, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is null)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (!key.StartsWith(id + ":", StringComparison.Ordinal) || key.Length > 512 || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            return ApiProblems.NotFound($"Kỳ báo cáo «{id}» không có thư «{key}».");
        }

        try
        {
            return Results.Json(Row(await mails.ResendAsync(key, cancellationToken)), statusCode: StatusCodes.Status202Accepted);
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound($"Kỳ báo cáo «{id}» không có thư «{key}».");
        }
        catch (InvalidOperationException ex)
        {
            return ApiProblems.Conflict(ex.Message, [new FieldError("key", ex.Message)]);
        }
    }

    private static MailRow Row(MailRecord r) => new(
        r.Key,
        r.State.ToString().ToLowerInvariant(),
        r.State switch
        {
            MailState.Queued => "Chờ gửi lại",
            MailState.Pending => "Chưa xác nhận đã gửi",
            MailState.Failed => "Gửi thất bại",
            _ => "Đã gửi",
        },
        r.Recipients,
        r.Subject,
        r.RecordedAt.ToUniversalTime(),
        ApiText.DateTime(r.RecordedAt)!,
        r.Attempts,
        r.State == MailState.Queued ? r.DueAt?.ToUniversalTime() : null,
        r.State == MailState.Queued ? ApiText.DateTime(r.DueAt) : null,
        r.LastError);
}
