using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Workflow.Functions.Http;

/// <summary>
/// What ASP.NET Core's endpoint pipeline does around the API's handlers in the local host, done for a Functions
/// invocation with the services <c>AddWorkflowApi</c> registered: the route's authorization policy (evaluated and
/// answered by the API's own result handler) and the API's exception handler. Functions has no endpoint routing,
/// so this adapter stands in for <c>RequireAuthorization</c> and <c>UseExceptionHandler</c>; it decides nothing itself.
/// </summary>
public sealed class ApiGate(
    IAuthorizationPolicyProvider policies,
    IPolicyEvaluator evaluator,
    IAuthorizationMiddlewareResultHandler authorizationResults,
    IEnumerable<IExceptionHandler> exceptionHandlers)
{
    public async Task<IResult> RunAsync(HttpRequest request, string? policyName, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        var context = request.HttpContext;
        try
        {
            if (policyName is not null)
            {
                var policy = await policies.GetPolicyAsync(policyName).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Authorization policy '{policyName}' is not registered.");
                var authentication = await evaluator.AuthenticateAsync(policy, context).ConfigureAwait(false);
                // The HttpContext is the resource, as under endpoint routing: the operator access check reads its method and route values.
                var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: context).ConfigureAwait(false);
                if (!authorization.Succeeded)
                {
                    // The API's handler writes the 401/403 problem response, exactly as in the local host.
                    await authorizationResults.HandleAsync(_ => Task.CompletedTask, context, policy, authorization).ConfigureAwait(false);
                    return Results.Empty;
                }
            }

            return await handler().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            foreach (var exceptionHandler in exceptionHandlers)
            {
                if (await exceptionHandler.TryHandleAsync(context, exception, context.RequestAborted).ConfigureAwait(false))
                {
                    return Results.Empty;
                }
            }

            throw;
        }
    }
}
