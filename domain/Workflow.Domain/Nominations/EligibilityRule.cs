using System.Text.Json.Serialization;

namespace Workflow.Domain.Nominations;

/// <summary>One criterion; its <see cref="Description"/> (Vietnamese) names it when it fails.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(YearlyLevelRule), "yearly-level")]
[JsonDerivedType(typeof(FlagRule), "flag")]
[JsonDerivedType(typeof(MinimumNumberRule), "minimum-number")]
[JsonDerivedType(typeof(AnyOfRule), "any-of")]
public abstract record EligibilityRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
}
