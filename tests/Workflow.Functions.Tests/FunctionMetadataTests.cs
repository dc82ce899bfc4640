using System.Text.Json;
using Workflow.Application;

namespace Workflow.Functions.Tests;

/// <summary>
/// The Functions app declares exactly what the local host runs: one orchestration trigger per orchestrator, one
/// activity trigger per activity (names the orchestrations call), one HTTP trigger per route of the API. Read from the
/// metadata the Functions SDK wrote at build time, which is what the Functions host indexes.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly IReadOnlyList<FunctionMetadata> Functions = FunctionMetadata.Load();

    [Fact]
    public void Every_orchestrator_has_an_orchestration_trigger_of_its_name()
    {
        var expected = CycleTasks.Orchestrators.Select(o => o.Name.Name).Order(StringComparer.Ordinal).ToList();
        var declared = Functions.Where(f => f.TriggerType == "orchestrationTrigger").Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, declared);
    }

    [Fact]
    public void Every_activity_has_an_activity_trigger_of_its_name()
    {
        var expected = CycleTasks.Activities.Select(a => a.Name.Name).Order(StringComparer.Ordinal).ToList();
        var declared = Functions.Where(f => f.TriggerType == "activityTrigger").Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, declared);
    }

    [Fact]
    public void Every_route_of_the_local_api_has_an_http_trigger_with_its_method_and_route()
    {
        var prefix = RoutePrefix();
        var expected = LocalApi.Routes().Select(r => $"{r.Method} {r.Template}").Order(StringComparer.Ordinal).ToList();
        var declared = Functions.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(method => $"{method} {LocalApi.Normalize($"{prefix}/{f.Route}")}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, declared);
    }

    [Fact]
    public void Http_functions_are_named_as_the_local_endpoints()
    {
        var expected = LocalApi.Routes().Select(r => $"{r.Method} {r.Template} {r.Name}").Order(StringComparer.Ordinal).ToList();
        var prefix = RoutePrefix();
        var declared = Functions.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(method => $"{method} {LocalApi.Normalize($"{prefix}/{f.Route}")} {f.Name}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, declared);
    }

    [Fact]
    public void The_mail_outbox_and_the_upload_reconciler_run_on_timers_as_the_local_host_runs_them_in_loops()
    {
        var timers = Functions.Where(f => f.TriggerType == "timerTrigger").Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["MailOutbox", "UploadReconciler"], timers);
    }

    [Fact]
    public void There_is_no_function_besides_those()
    {
        var unexpected = Functions.Where(f => f.TriggerType is not ("orchestrationTrigger" or "activityTrigger" or "httpTrigger" or "timerTrigger"))
            .Select(f => $"{f.Name} ({f.TriggerType})").ToList();
        Assert.Empty(unexpected);
        var duplicates = Functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Equal(CycleTasks.Orchestrators.Count + CycleTasks.Activities.Count + LocalApi.Routes().Count + 2, Functions.Count);
    }

    [Fact]
    public void The_metadata_is_that_of_the_built_functions_assembly()
    {
        // Every entry point is a method of the assembly this test references, so the metadata is not left over from an
        // older build of a different shape.
        var assembly = typeof(FunctionsHostingExtensions).Assembly;
        foreach (var function in Functions)
        {
            var split = function.EntryPoint.LastIndexOf('.');
            var type = assembly.GetType(function.EntryPoint[..split]);
            Assert.True(type?.GetMethod(function.EntryPoint[(split + 1)..]) is not null, $"{function.Name}: no method {function.EntryPoint} in {assembly.GetName().Name}.");
        }
    }

    /// <summary>The HTTP route prefix of host.json (the Functions default "api" when absent).</summary>
    private static string RoutePrefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("host.json")));
        return host.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString()!
            : "api";
    }
}
