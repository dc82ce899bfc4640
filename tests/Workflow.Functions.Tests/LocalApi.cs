using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api;
using Workflow.Application;

namespace Workflow.Functions.Tests;

/// <summary>A route of the local host's API: method, path template and endpoint name.</summary>
internal sealed record ApiRoute(string Method, string Template, string? Name)
{
    public override string ToString() => $"{Method} {Template} ({Name})";
}

internal static class LocalApi
{
    /// <summary>
    /// The routes <c>MapWorkflowApi</c> maps, read from the endpoint data source of a minimal application built as the
    /// local host builds its API (the handlers' services registered, so each endpoint's parameter binding is inferred as
    /// there). Nothing is started and nothing is connected.
    /// </summary>
    public static IReadOnlyList<ApiRoute> Routes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.Services.AddReportingCycles();
        builder.Services.AddWorkflowApi();
        // The local engine registers the SDK client; only its registration matters for binding inference.
        builder.Services.AddSingleton<DurableTaskClient>(_ => throw new InvalidOperationException("Not used to list routes."));
        using var app = builder.Build();
        app.MapWorkflowApi();
        return
        [
            .. ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                    .Select(method => new ApiRoute(method.ToUpperInvariant(), Normalize(endpoint.RoutePattern.RawText!), endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName))),
        ];
    }

    /// <summary>"/api/cycles/" and "api/cycles" are the same route.</summary>
    public static string Normalize(string template) => "/" + template.Trim('/');
}
