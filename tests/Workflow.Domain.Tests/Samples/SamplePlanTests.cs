using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Samples;

/// <summary>Every sample plan reads with <see cref="PlanJson"/> and conforms to the published schema.</summary>
public sealed class SamplePlanTests
{
    private static readonly string Output = AppContext.BaseDirectory;

    public static TheoryData<string> SampleFiles() => [.. SampleNames()];

    private static IEnumerable<string> SampleNames() =>
        Directory.GetFiles(Path.Combine(Output, "samples"), "*.plan.json")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_samples_of_both_seeds_this_suite_owns_are_present()
    {
        var names = SampleNames().ToList();

        Assert.Contains("thai-binh-2024-thi-dua.plan.json", names);
        Assert.Contains("bac-giang-2020-2025-de-an.plan.json", names);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_reads_without_errors(string file)
    {
        var result = PlanJson.Read(ReadSample(file));

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Plan);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_passes_plan_validation(string file)
    {
        var plan = PlanJson.Read(ReadSample(file)).Plan!;

        var errors = PlanValidator.Validate(plan);

        Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Sample_conforms_to_the_schema(string file)
    {
        var schema = await LoadSchemaAsync();

        var errors = schema.Validate(ReadSample(file));

        Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", Flatten(errors).Select(Describe))}");
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Written_plan_conforms_to_the_schema(string file)
    {
        var plan = PlanJson.Read(ReadSample(file)).Plan!;
        var schema = await LoadSchemaAsync();

        var errors = schema.Validate(PlanJson.Write(plan));

        Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", Flatten(errors).Select(Describe))}");
    }

    [Fact]
    public async Task A_schema_violation_is_reported_with_its_path()
    {
        var plan = JsonNode.Parse(ReadSample("thai-binh-2024-thi-dua.plan.json"))!.AsObject();
        plan["units"]![0]!["emails"] = new JsonArray("not-an-address");
        plan["deliverables"]![0]!["latePolicy"] = "accept-late";
        plan["$schema"] = "../schemas/plan.schema.json";
        var schema = await LoadSchemaAsync();

        var errors = Flatten(schema.Validate(plan.ToJsonString())).Select(Describe).ToList();

        Assert.Contains(errors, e => e.Contains("units[0].emails[0]", StringComparison.Ordinal) && e.Contains("EmailExpected", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("deliverables[0].latePolicy", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$schema", StringComparison.Ordinal) && e.Contains("NoAdditionalPropertiesAllowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deadline_date_in_day_month_year_order_is_refused()
    {
        var plan = JsonNode.Parse(ReadSample("thai-binh-2024-thi-dua.plan.json"))!.AsObject();
        plan["deliverables"]![0]!["deadline"]!["date"] = "15/01/2024";
        var schema = await LoadSchemaAsync();

        var errors = schema.Validate(plan.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task A_before_deadline_without_its_date_is_refused()
    {
        var plan = JsonNode.Parse(ReadSample("thai-binh-2024-thi-dua.plan.json"))!.AsObject();
        plan["deliverables"]![0]!["deadline"] = new JsonObject { ["semantics"] = "before", ["month"] = "2024-01" };
        var schema = await LoadSchemaAsync();

        var errors = schema.Validate(plan.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task An_eligibility_rule_of_unknown_kind_is_refused()
    {
        var plan = JsonNode.Parse(ReadSample("thai-binh-2024-thi-dua.plan.json"))!.AsObject();
        var rules = plan["nominationRounds"]!.AsArray()
            .Select(r => r!["eligibility"]?.AsArray())
            .First(e => e is { Count: > 0 })![0]!["rules"]!.AsArray();
        rules[0]!["kind"] = "minimum-years";
        var schema = await LoadSchemaAsync();

        var errors = schema.Validate(plan.ToJsonString());

        Assert.NotEmpty(errors);
        Assert.NotEmpty(PlanJson.Read(plan.ToJsonString()).Errors);
    }

    private static string ReadSample(string file) => File.ReadAllText(Path.Combine(Output, "samples", file));

    private static Task<JsonSchema> LoadSchemaAsync() =>
        JsonSchema.FromFileAsync(Path.Combine(Output, "schemas", "plan.schema.json"));

    /// <summary>NJsonSchema nests the errors of array items and sub-schemas; the leaves name the exact path.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError child && child.Errors.Count > 0
            ? Flatten(child.Errors.SelectMany(e => e.Value))
            : [error]);

    private static string Describe(ValidationError error) => $"{error.Path}: {error.Kind}";
}
