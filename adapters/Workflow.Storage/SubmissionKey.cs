using System.Text.RegularExpressions;

namespace Workflow.Storage;

/// <summary>
/// What a file is for: a cycle, a unit, and a deliverable or nomination round (the subject).
/// Ids become blob path segments and table keys, so they are restricted to a safe alphabet.
/// </summary>
public sealed partial record SubmissionKey
{
    public SubmissionKey(string cycleId, string unitId, string subjectId)
    {
        CycleId = Check(cycleId, nameof(cycleId));
        UnitId = Check(unitId, nameof(unitId));
        SubjectId = Check(subjectId, nameof(subjectId));
    }

    public string CycleId { get; }
    public string UnitId { get; }
    public string SubjectId { get; }

    public override string ToString() => $"{CycleId}/{UnitId}/{SubjectId}";

    internal static string Check(string id, string name) =>
        id is not null && SafeId().IsMatch(id) ? id : throw new ArgumentException($"'{id}' is not a valid id: use 1-100 letters, digits, '.', '_' or '-'.", name);

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeId();
}
