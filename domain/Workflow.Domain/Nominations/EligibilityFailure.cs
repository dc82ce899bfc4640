namespace Workflow.Domain.Nominations;

/// <summary>
/// A criterion the nominee does not meet: the rule's id and wording, and why, precisely, in Vietnamese. With
/// <see cref="Unevidenced"/>, the criterion is met, but only by records with no evidence ("chưa có minh chứng").
/// </summary>
public sealed record EligibilityFailure(string RuleId, string Description, IReadOnlyList<string> Reasons, bool Unevidenced = false)
{
    public string Reason => string.Join("; ", Reasons);

    public string Message => Unevidenced
        ? $"Chưa có minh chứng cho tiêu chuẩn «{Description}»: {Reason}."
        : $"Không đạt tiêu chuẩn «{Description}»: {Reason}.";
}
