using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Domain.Serialization;

namespace Workflow.Api.Handlers;

/// <summary>
/// Next year's campaign from this one: a cycle's plan copied under a new id with its dates moved (<see cref="PlanCopy"/>).
/// Nothing starts: the answer is the plan JSON, which the operator reviews (number, title, texts) and starts with the start route.
/// </summary>
public static class CycleCopyHandlers
{
    public static async Task<IResult> CopyAsync(string id, HttpRequest request, DurableTaskClient client, IPlanStore plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiJson.ReadBodyAsync<CopyBody>(request, cancellationToken: cancellationToken);
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (body is null)
        {
            return ApiProblems.BadRequest(invalid!.Field, invalid.Message);
        }

        if (string.IsNullOrWhiteSpace(body.NewId))
        {
            return ApiProblems.BadRequest("newId", "Thiếu mã kế hoạch mới (newId).");
        }

        if (body.Years is null && body.Days is null)
        {
            return ApiProblems.BadRequest("years", "Cho biết dời bao nhiêu năm (years) và/hoặc bao nhiêu ngày (days).");
        }

        var copy = PlanCopy.Shift(plan, body.NewId, body.Years ?? 0, body.Days ?? 0);
        if (!copy.Ok)
        {
            return ApiProblems.BadRequest($"Không sao chép được kế hoạch: {copy.Errors.Count} lỗi.", copy.Errors.Select(e => new FieldError(e.Path, e.Message)));
        }

        // A cycle id is never reused: say so now rather than when the operator starts the copy.
        if (await client.GetInstanceAsync(body.NewId, cancellation: cancellationToken) is not null)
        {
            return ApiProblems.Conflict($"Kỳ báo cáo «{body.NewId}» đã tồn tại; chọn mã khác.", [new FieldError("newId", "Mã kỳ báo cáo đã được dùng.")]);
        }

        return Results.Content(PlanJson.Write(copy.Plan!), "application/json; charset=utf-8");
    }
}
