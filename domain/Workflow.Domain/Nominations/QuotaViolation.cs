namespace Workflow.Domain.Nominations;

/// <summary>
/// One broken quota: the rule (id and its Vietnamese wording), the group it was counted in (the proposing unit's or
/// the nominee unit's name; null for a province-wide count), what was found against the limit, and the nominations involved.
/// </summary>
public sealed record QuotaViolation(
    string RuleId,
    string RuleDescription,
    string? Group,
    QuotaLimit Limit,
    int Found,
    int Allowed,
    IReadOnlyList<string> NominationIds,
    string Message);
