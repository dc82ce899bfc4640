using Workflow.Api.Contracts;
using Workflow.Domain.Scheduling;

namespace Workflow.Api.Handlers;

/// <summary>
/// The plan editor's live check: a draft with errors is the normal case, so it is answered 200 with its errors, its
/// deadlines and its schedule; only a body that is not a JSON object is a 400. Nothing is stored.
/// </summary>
public static class PlanEditorHandlers
{
    public const string UnreadableNote = "Kế hoạch chưa đọc được; sửa các lỗi để xem thời hạn và lịch.";

    public static async Task<IResult> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await PlanBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (plan, errors) = PlanBody.Check(body.Text);
        if (plan is null)
        {
            return Results.Ok(new PlanCheck(PlanBody.Fields(errors), 0, [], [], UnreadableNote));
        }

        var schedule = PlanPreview.Schedule(plan);
        return Results.Ok(new PlanCheck(PlanBody.Fields(errors), plan.AllUnits().Count(), PlanPreview.Deadlines(plan), schedule.Points, schedule.Note));
    }
}
