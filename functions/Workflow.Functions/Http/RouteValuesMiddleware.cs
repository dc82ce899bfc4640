using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Workflow.Functions.Http;

/// <summary>
/// Functions routes requests itself, so the ASP.NET Core request has no route values; the operator access check reads
/// the cycle (<c>{id}</c>, <c>{relayId}</c>) from them as under endpoint routing. This copies each parameter of the
/// function's route template from the invocation's binding data, for every HTTP function present and future.
/// </summary>
public sealed partial class RouteValuesMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, string[]> Parameters = new(StringComparer.Ordinal);

    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            foreach (var name in Parameters.GetOrAdd(context.FunctionDefinition.EntryPoint, RouteParameters))
            {
                if (context.BindingContext.BindingData.TryGetValue(name, out var value) && value is not null)
                {
                    http.Request.RouteValues[name] = value.ToString();
                }
            }
        }

        return next(context);
    }

    /// <summary>The {names} of the route of the entry point's HTTP trigger (none for other triggers).</summary>
    private static string[] RouteParameters(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var method = split < 0 ? null : typeof(RouteValuesMiddleware).Assembly.GetType(entryPoint[..split])?.GetMethod(entryPoint[(split + 1)..]);
        var route = method?.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)?.Route;
        return route is null ? [] : [.. RouteParameter().Matches(route).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"\{\*?(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
