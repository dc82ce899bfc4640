using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workflow.Domain.Time;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Functions.Tests;

/// <summary>
/// Orchestration inputs, outputs, custom status and activity payloads are written and read on Azure exactly as the
/// local engine writes and reads them (the SDK's JsonDataConverter.Default on its client and its shims). Checked on
/// the converters the Durable extension really configures in the Functions app's service container, built as
/// Program.cs builds it (nothing is started: there is no Functions host here).
/// </summary>
public sealed class PayloadConverterTests : IDisposable
{
    private static readonly BusinessClock Clock = new(
        new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 11, 1, 0, 0, TimeSpan.Zero), 175_000);

    private static readonly ClockRecord Record = new("bac-giang-2024", Clock);

    private readonly IHost _host = BuildFunctionsHost();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> Sides => ["worker", "client"];

    [Theory]
    [MemberData(nameof(Sides))]
    public void The_durable_converter_writes_what_the_local_engine_writes(string side)
    {
        var converter = Converter(side);
        Assert.Equal(JsonDataConverter.Default.Serialize(Record), converter.Serialize(Record));
        Assert.Equal(JsonDataConverter.Default.Serialize(Clock), converter.Serialize(Clock));
        Assert.Null(converter.Serialize(null));
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void The_durable_converter_reads_what_the_local_engine_writes(string side)
    {
        var converter = Converter(side);
        Assert.Equal(Record, converter.Deserialize<ClockRecord>(JsonDataConverter.Default.Serialize(Record)));
        Assert.Equal(Record, JsonDataConverter.Default.Deserialize<ClockRecord>(converter.Serialize(Record)));
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Public_fields_are_written_as_locally(string side)
    {
        // JsonDataConverter includes fields; the worker's default serializer would drop them.
        var value = new WithField { Count = 3, Name = "x" };
        Assert.Equal(JsonDataConverter.Default.Serialize(value), Converter(side).Serialize(value));
        Assert.Contains("\"Count\":3", Converter(side).Serialize(value), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Names_are_matched_with_the_local_case_sensitivity(string side)
    {
        // A camelCase payload does not bind locally; it must not bind on Azure either (the worker's default would).
        const string CamelCase = """{"cycleId":"bac-giang-2024","clock":null}""";
        Assert.Equal(JsonDataConverter.Default.Deserialize<ClockRecord>(CamelCase), Converter(side).Deserialize<ClockRecord>(CamelCase));
    }

    [Fact]
    public void Activity_payloads_go_through_the_same_serializer()
    {
        // Activity triggers read their input and write their output with the worker's ObjectSerializer directly.
        var serializer = _host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;
        Assert.Equal(JsonDataConverter.Default.Serialize(Record), serializer.Serialize(Record).ToString());
        Assert.Equal(Record, serializer.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(JsonDataConverter.Default.Serialize(Record)!)), typeof(ClockRecord), default));
    }

    private sealed class WithField
    {
#pragma warning disable CA1051 // The point of the type is its public field.
        public int Count;
#pragma warning restore CA1051

        public string Name { get; set; } = "";
    }

    private DataConverter Converter(string side) => side == "worker"
        ? _host.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter
        : _host.Services.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter;

    private static IHost BuildFunctionsHost()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.ConfigureFunctionsWebApplication();
        // The Functions worker runs the extensions' startup code (the Durable extension's among them) from the entry
        // assembly's generated executor; under the test runner the entry assembly is not the Functions app, so run it here.
        var executor = typeof(FunctionsHostingExtensions).Assembly.GetCustomAttribute<WorkerExtensionStartupCodeExecutorInfoAttribute>()
            ?? throw new InvalidOperationException("The Functions SDK generated no extension startup executor.");
        ((WorkerExtensionStartup)Activator.CreateInstance(executor.StartupCodeExecutorType)!).Configure(builder);
        builder.AddWorkflowFunctions();
        return builder.Build();
    }
}
