using System.Globalization;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Snapshot ids start with their business instant, so their names sort in time; they stay within the id alphabet of
/// blob paths and table keys (at most 100 characters). A milestone's snapshot id is derived from its point, so a
/// retried step finds the snapshot it took before instead of taking another.
/// </summary>
public static class SnapshotIds
{
    private const int MaxLength = 100;

    /// <summary>E.g. "20240808T010000Z" for 08:00 on 08/08/2024 in Vietnam.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An operator's snapshot: the instant and a random code, since a stepped rehearsal can stand at one instant for several.</summary>
    public static string ForOperator(DateTimeOffset at, string code) => $"{Stamp(at)}-{code}";

    /// <summary>The snapshot a milestone takes at one of its reminders; <paramref name="index"/> (its place in the plan) stands in for a long id.</summary>
    public static string ForMilestone(DateTimeOffset at, string milestoneId, int index)
    {
        var id = $"{Stamp(at)}-{milestoneId}";
        return id.Length <= MaxLength ? id : $"{Stamp(at)}-moc-{index + 1}";
    }
}
