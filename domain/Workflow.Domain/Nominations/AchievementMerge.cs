namespace Workflow.Domain.Nominations;

/// <summary>
/// How a nominee's kept records take in what a new dossier or a signed decision says. A record is the same record when
/// its year, title and decision number are (spelled without case or diacritics): then the newer wording stands, and it
/// keeps the older one's evidence and review unless it brings its own. Anything else is a record of its own.
/// </summary>
public static class AchievementMerge
{
    public static string KeyOf(AchievementRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"{record.Year}|{NomineeIdentity.Slug(record.Title)}|{NomineeIdentity.Slug(record.DecisionNumber ?? "")}";
    }

    /// <summary>The kept record with the same key, if any.</summary>
    public static AchievementRecord? Find(IEnumerable<AchievementRecord> kept, AchievementRecord record)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var key = KeyOf(record);
        return kept.FirstOrDefault(k => KeyOf(k) == key);
    }

    /// <summary>
    /// Incoming records carry over the evidence and the review of their kept twin when they have none of their own:
    /// what an operator verified in an earlier cycle stays verified, and its decision's file stays linked.
    /// </summary>
    public static AchievementRecord CarryOver(IEnumerable<AchievementRecord> kept, AchievementRecord incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (Find(kept, incoming) is not { } twin)
        {
            return incoming;
        }

        // The same file as the twin's (same digest) keeps the place the twin knows it is stored.
        var evidence = incoming.Evidence is { Version: null } file && twin.Evidence is { Version: not null } stored && stored.Sha256 == file.Sha256
            ? stored
            : incoming.Evidence ?? twin.Evidence;
        return incoming with { Evidence = evidence, Review = incoming.Review ?? twin.Review };
    }

    /// <summary>The kept records with the incoming ones taken in, ordered by year then title; ids stay unique.</summary>
    public static IReadOnlyList<AchievementRecord> Merge(IEnumerable<AchievementRecord> kept, IEnumerable<AchievementRecord> incoming)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(incoming);
        var byKey = new Dictionary<string, AchievementRecord>(StringComparer.Ordinal);
        foreach (var record in kept)
        {
            byKey[KeyOf(record)] = record;
        }

        foreach (var record in incoming)
        {
            byKey[KeyOf(record)] = CarryOver(byKey.Values, record);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<AchievementRecord>();
        foreach (var record in byKey.Values.OrderBy(r => r.Year).ThenBy(r => r.Title, StringComparer.Ordinal))
        {
            var id = record.Id;
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{record.Id[..Math.Min(record.Id.Length, 36)]}-{n}";
            }

            merged.Add(record with { Id = id });
        }

        return merged;
    }
}
