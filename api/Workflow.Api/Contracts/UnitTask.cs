namespace Workflow.Api.Contracts;

/// <summary>
/// One deliverable or nomination round of a unit: its deadline (as worded, and the last accepted minute), its state, and
/// what to send. An undated round says so in <see cref="DeadlineText"/> and has no last accepted minute yet.
/// </summary>
public sealed record UnitTask(
    string Subject,
    string Title,
    TaskKind Kind,
    string DeadlineText,
    string LastAcceptedText,
    LatePolicy LatePolicy,
    UnitState State,
    string? Receipt,
    int? Version,
    string? SubmittedAtText,
    IReadOnlyList<StatisticalForm>? Forms,
    IReadOnlyList<DossierDocument>? Documents,
    IReadOnlyList<ProfileInfo>? Profiles,
    string? StateText = null,
    bool Optional = false)
{
    /// <summary>The template files of the unit's forms (<see cref="Forms"/> holds only the forms in its scope), attached or not.</summary>
    public IReadOnlyList<TemplateInfo> Templates { get; init; } = [];

    /// <summary>Paper sets of a nomination dossier the plan asks for ("02 bộ"); null for a report.</summary>
    public int? Copies { get; init; }
}
