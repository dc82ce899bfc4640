namespace Workflow.Soak;

/// <summary>
/// Mails by their deterministic message key (cycle id stripped): receipts are matched to the receipts of accepted
/// uploads, every other mail (notices, reminders, chases, escalations, refusals) to the control run's set by kind,
/// unit and subject. A refusal's key carries its attempt, so refusals are compared per unit and subject.
/// </summary>
internal static class MailTally
{
    private const string ReceiptPrefix = "receipt:";

    public static string Kind(string key) => key switch
    {
        _ when key.StartsWith(ReceiptPrefix, StringComparison.Ordinal) => "receipt",
        _ when key.EndsWith(":plan:notice", StringComparison.Ordinal) => "notice",
        _ when key.Contains(":rejected", StringComparison.Ordinal) => "refusal",
        _ when key.EndsWith(":escalation", StringComparison.Ordinal) => "escalation",
        _ when key.Contains(":chase:", StringComparison.Ordinal) => "chase",
        _ when key.Contains(":reminder:", StringComparison.Ordinal) => "reminder",
        _ => "other",
    };

    /// <summary>How many times each non-receipt mail went out.</summary>
    public static Dictionary<string, int> Others(RunResult run) =>
        run.MailKeys.Where(k => Kind(k) != "receipt")
            .Select(k => k.IndexOf(":rejected:", StringComparison.Ordinal) is var at and >= 0 ? k[..at] + ":rejected" : k)
            .GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Receipts of accepted uploads without a receipt mail; receipt mails sent more than once; receipt mails for uploads never answered 2xx.</summary>
    public static (IReadOnlyList<string> Missing, IReadOnlyList<string> Duplicated, IReadOnlyList<string> Unanswered) Receipts(RunResult run)
    {
        var expected = run.Accepted.Select(a => a.Receipt).Concat(run.Hostile.SelectMany(h => h.Receipts)).ToHashSet(StringComparer.Ordinal);
        var mailed = run.MailKeys.Where(k => k.StartsWith(ReceiptPrefix, StringComparison.Ordinal)).Select(k => k[ReceiptPrefix.Length..])
            .GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (
            [.. expected.Where(r => !mailed.ContainsKey(r)).Order(StringComparer.Ordinal)],
            [.. mailed.Where(m => m.Value > 1).SelectMany(m => Enumerable.Repeat(m.Key, m.Value - 1)).Order(StringComparer.Ordinal)],
            [.. mailed.Keys.Where(r => !expected.Contains(r)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The mails of <paramref name="counts"/> missing from <paramref name="reference"/>'s, one entry per mail.</summary>
    public static IReadOnlyList<string> Missing(Dictionary<string, int> reference, Dictionary<string, int> counts) =>
        [.. reference.SelectMany(r => Enumerable.Repeat(r.Key, Math.Max(0, r.Value - counts.GetValueOrDefault(r.Key)))).Order(StringComparer.Ordinal)];

    /// <summary>Mails sent more often than in the reference (at least once), one entry per extra mail.</summary>
    public static IReadOnlyList<string> Duplicated(Dictionary<string, int> reference, Dictionary<string, int> counts) =>
        [.. counts.Where(c => reference.ContainsKey(c.Key)).SelectMany(c => Enumerable.Repeat(c.Key, Math.Max(0, c.Value - Math.Max(1, reference[c.Key])))).Order(StringComparer.Ordinal)];

    /// <summary>Mails the reference never sent.</summary>
    public static IReadOnlyList<string> Unexpected(Dictionary<string, int> reference, Dictionary<string, int> counts) =>
        [.. counts.Where(c => !reference.ContainsKey(c.Key)).SelectMany(c => Enumerable.Repeat(c.Key, c.Value)).Order(StringComparer.Ordinal)];

    /// <summary>"3 (reminder 2, chase 1)".</summary>
    public static string ByKind(IReadOnlyList<string> keys) =>
        keys.Count == 0 ? "0" : $"{keys.Count} ({string.Join(", ", keys.GroupBy(Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))})";
}
