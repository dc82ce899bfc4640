using System.Text.Json.Nodes;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Validation;

/// <summary>The units of a plan form a tree (a district's communes under it); the validator checks every level.</summary>
public sealed class UnitTreeValidationTests
{
    private static JsonObject Sample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json")))!.AsObject();

    private static int IndexOf(JsonObject plan, string unitId) =>
        plan["units"]!.AsArray().Select((u, i) => (Id: (string)u!["id"]!, i)).Single(x => x.Id == unitId).i;

    private static IReadOnlyList<PlanError> Validate(JsonObject plan)
    {
        var read = PlanJson.Read(plan.ToJsonString());
        Assert.Empty(read.Errors);
        return PlanValidator.Validate(read.Plan!);
    }

    [Fact]
    public void The_sample_tree_is_valid()
    {
        Assert.Empty(Validate(Sample()));
    }

    [Fact]
    public void An_id_used_in_two_districts_is_refused()
    {
        var plan = Sample();
        var tanYen = plan["units"]![IndexOf(plan, "bcd-tan-yen")]!["units"]!.AsArray();
        tanYen[0]!["id"] = "yen-the-xa-dong-tien";

        var error = Assert.Single(Validate(plan));

        Assert.Equal("$.units", error.Path);
        Assert.Contains("«yen-the-xa-dong-tien» bị trùng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_with_the_id_of_a_unit_of_the_cycle_is_refused()
    {
        var plan = Sample();
        plan["units"]![IndexOf(plan, "bcd-yen-the")]!["units"]![3]!["id"] = "so-noi-vu";

        var error = Assert.Single(Validate(plan));

        Assert.Equal("$.units", error.Path);
        Assert.Contains("«so-noi-vu» bị trùng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_childs_unknown_block_is_refused_with_its_path_in_the_tree()
    {
        var plan = Sample();
        var i = IndexOf(plan, "bcd-yen-the");
        plan["units"]![i]!["units"]![2]!["block"] = "xa";

        var error = Assert.Single(Validate(plan));

        Assert.Equal($"$.units[{i}].units[2].block", error.Path);
        Assert.Contains("«xa»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grandchilds_missing_email_is_refused_with_its_path_in_the_tree()
    {
        var plan = Sample();
        var i = IndexOf(plan, "bcd-tan-yen");
        var school = plan["units"]![i]!["units"]![24]!.AsObject();
        school["units"] = new JsonArray(new JsonObject { ["id"] = "tan-yen-thcs-nha-nam-doan-truong", ["name"] = "Đoàn trường", ["block"] = "district-cqdncsgd", ["emails"] = new JsonArray() });

        var error = Assert.Single(Validate(plan));

        Assert.Equal($"$.units[{i}].units[24].units[0].emails", error.Path);
    }
}
