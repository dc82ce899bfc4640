using System.Globalization;
using Workflow.Api.Health;
using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>Anonymous health: 200 when storage, the engine and mail are all up; 503 with Retry-After and the same breakdown otherwise.</summary>
public static class HealthHandler
{
    public static async Task<IResult> GetAsync(HttpContext context, DurableTaskClient client, ServiceHealth health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(health);
        var status = await health.CheckAsync(client, cancellationToken);
        if (status.Status == "ok")
        {
            return Results.Ok(status);
        }

        context.Response.Headers.RetryAfter = ((int)StorageFaults.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
