namespace Workflow.Host;

/// <summary>
/// Headers on every response: <c>nosniff</c>, so nothing is rendered as a type it was not served as; on the dashboard
/// a Content-Security-Policy that allows only its own scripts, styles and API calls (no inline script, no other origin,
/// no framing), because the dashboard holds the operator key.
/// </summary>
internal static class SecurityHeaders
{
    public const string DashboardPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so an error page written after the exception handler cleared the response keeps them.
        var dashboard = context.Request.Path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (dashboard)
            {
                headers.ContentSecurityPolicy = DashboardPolicy;
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
