namespace Workflow.Domain.Nominations;

/// <summary>A criterion the nominee does not meet: the rule's id and wording, and why, precisely, in Vietnamese.</summary>
public sealed record EligibilityFailure(string RuleId, string Description, IReadOnlyList<string> Reasons)
{
    public string Reason => string.Join("; ", Reasons);

    public string Message => $"Không đạt tiêu chuẩn «{Description}»: {Reason}.";
}
