using System.Globalization;
using System.Text;

namespace Workflow.Soak;

/// <summary>
/// The campaign's table: the faulted run against the control run, and whether it passes: nothing lost, no mail
/// missed or duplicated, no response ≥ 500 to hostile input, no failed concurrent upload, the same consolidation.
/// Below the table, the first items behind each non-zero figure, for whoever fixes them.
/// </summary>
internal sealed class SoakReport(RunResult control, RunResult faulted)
{
    private const int Shown = 12;

    private readonly StringBuilder _details = new();
    private bool _passed = true;

    public bool Passed => _passed;

    public string Render()
    {
        var table = new StringBuilder();
        table.AppendLine("| | control | faulted |");
        table.AppendLine("| --- | --- | --- |");
        void Row(string name, string a, string b) => table.AppendLine($"| {name} | {a} | {b} |");

        Row("cycle ended", $"{control.RuntimeStatus} ({control.CycleId})", $"{faulted.RuntimeStatus} ({faulted.CycleId})");
        Fail(control.RuntimeStatus != "completed", "control: the cycle did not complete", [control.Failure ?? control.RuntimeStatus]);
        Detail(faulted.Failure is not null, "faulted: the cycle's failure", [faulted.Failure ?? ""]);
        Row("uploads accepted (2xx, files)", $"{control.Accepted.Count}", $"{faulted.Accepted.Count}");
        Row("uploads lost (accepted, not stored or not counted)", Count(control, control.Lost, "lost"), Count(faulted, faulted.Lost, "lost"));

        var (cMissing, cDuplicated, cUnanswered) = MailTally.Receipts(control);
        var (fMissing, fDuplicated, fUnanswered) = MailTally.Receipts(faulted);
        Row("receipt mails missing (accepted upload, no receipt)", Count(control, cMissing, "receipts missing"), Count(faulted, fMissing, "receipts missing"));
        Row("receipt mails duplicated", Count(control, cDuplicated, "receipts duplicated"), Count(faulted, fDuplicated, "receipts duplicated"));
        // A file stored whole whose answer was lost (the host killed after the commit) is accepted: its receipt is the
        // unit's only word of it, so it is listed, not failed. The unit's retry is a new version with its own receipt.
        Row("receipt mails for uploads stored but never answered (answer lost to a kill)", Listed(control, cUnanswered), Listed(faulted, fUnanswered));

        var reference = MailTally.Others(control);
        var others = MailTally.Others(faulted);
        var once = reference.ToDictionary(r => r.Key, _ => 1, StringComparer.Ordinal);
        var controlDuplicated = MailTally.Duplicated(once, reference);
        var missed = MailTally.Missing(reference, others);
        var duplicated = MailTally.Duplicated(reference, others);
        var unexpected = MailTally.Unexpected(reference, others);
        Row("other mails (notices, reminders, chases, escalations, refusals)", $"{reference.Values.Sum()}", $"{others.Values.Sum()}");
        Row("other mails missed (in control, not in faulted)", "—", Kinds(faulted, missed, "mails missed"));
        Row("other mails duplicated", Kinds(control, controlDuplicated, "mails duplicated"), Kinds(faulted, duplicated, "mails duplicated"));
        Row("other mails not in control", "—", Kinds(faulted, unexpected, "mails not in control"));

        var hostile500 = faulted.Hostile.Where(h => h.Status >= 500 || h.Status == 0).ToList();
        var taken = faulted.Hostile.Where(h => h.WronglyAccepted).ToList();
        Row("hostile requests sent (routes)", "0", $"{faulted.Hostile.Count} ({faulted.Hostile.Select(h => h.Route).Distinct().Count()})");
        Row("responses ≥ 500 to hostile input", "—", Count(faulted, [.. hostile500.Select(Describe)], "hostile input answered ≥ 500 (or never)"));
        Row("hostile requests answered 2xx that must be refused", "—", $"{taken.Count}");
        Detail(taken.Count > 0, "faulted: hostile requests answered 2xx that must be refused", [.. taken.Select(Describe)]);
        Row("responses ≥ 500 to legitimate uploads (503 with Retry-After)", ServerErrors(control, Traffic.Upload), ServerErrors(faulted, Traffic.Upload));
        Row("responses ≥ 500 to other legitimate requests (503 with Retry-After)", ServerErrors(control, Traffic.Other), ServerErrors(faulted, Traffic.Other));
        Row($"failed concurrent uploads (of {ConcurrentUploaders.Total})", Failed(control), Failed(faulted));
        Row("concurrent upload p50 / p99", Percentiles(control), Percentiles(faulted));
        Row("SIGKILLs of the host (died on their own)", $"{control.Kills} ({control.Crashes})", $"{faulted.Kills} ({faulted.Crashes})");
        Row("storage outage (SIGTERM, restart)", Seconds(control.Outage), Seconds(faulted.Outage));

        var differing = control.ScriptedAnswers.Where(s => faulted.ScriptedAnswers.GetValueOrDefault(s.Key) != s.Value)
            .Select(s => $"{s.Key}: {s.Value} in control, {faulted.ScriptedAnswers.GetValueOrDefault(s.Key)} faulted").ToList();
        Row("scripted uploads answered differently from control", "—", $"{differing.Count}");
        Detail(differing.Count > 0, "faulted: scripted uploads answered differently", differing);

        var identical = control.Exports.Count > 0 && control.Exports.Count == faulted.Exports.Count
            && control.Exports.All(e => faulted.Exports.TryGetValue(e.Key, out var other) && other == e.Value);
        Row("consolidation (exported CSVs) identical", $"{control.Exports.Count} files", identical ? "yes" : "no");
        Fail(!identical, "faulted: exports that differ from control or are missing",
            [.. control.Exports.Where(e => faulted.Exports.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key)]);
        Row("run time", Seconds(control.Elapsed), Seconds(faulted.Elapsed));
        return table + Environment.NewLine + _details;
    }

    private string Count(RunResult run, IReadOnlyList<string> items, string what)
    {
        Fail(items.Count > 0, $"{run.Name}: {what}", items);
        return $"{items.Count}";
    }

    private string Listed(RunResult run, IReadOnlyList<string> items)
    {
        Detail(items.Count > 0, $"{run.Name}: receipts for uploads stored but never answered", items);
        return $"{items.Count}";
    }

    private string Kinds(RunResult run, IReadOnlyList<string> keys, string what)
    {
        Fail(keys.Count > 0, $"{run.Name}: {what}", keys);
        return MailTally.ByKind(keys);
    }

    private string Failed(RunResult run)
    {
        Fail(run.BurstFailed > 0, $"{run.Name}: failed concurrent uploads", [$"{run.BurstFailed} uploads got an error other than 503 with Retry-After, or were never accepted"]);
        return $"{run.BurstFailed}";
    }

    private void Fail(bool failed, string title, IReadOnlyList<string> items)
    {
        _passed &= !failed;
        Detail(failed, title, items);
    }

    private void Detail(bool shown, string title, IReadOnlyList<string> items)
    {
        if (!shown)
        {
            return;
        }

        _details.AppendLine(CultureInfo.InvariantCulture, $"- {title}:");
        foreach (var item in items.Take(Shown))
        {
            _details.AppendLine(CultureInfo.InvariantCulture, $"  - {(item.Length > 300 ? item[..300] + "…" : item)}");
        }

        if (items.Count > Shown)
        {
            _details.AppendLine(CultureInfo.InvariantCulture, $"  - … and {items.Count - Shown} more");
        }
    }

    private static string ServerErrors(RunResult run, Traffic traffic)
    {
        var errors = run.Responses.Where(r => r.Traffic == traffic && r.Status >= 500).ToList();
        return $"{errors.Count} ({errors.Count(r => r.Status == 503 && r.RetryAfter)})";
    }

    private static string Percentiles(RunResult run)
    {
        if (run.BurstLatencies.Count == 0)
        {
            return "—";
        }

        var sorted = run.BurstLatencies.Order().ToList();
        TimeSpan At(double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"{Seconds(At(0.5), "N2")} / {Seconds(At(0.99), "N2")}";
    }

    private static string Seconds(TimeSpan span, string format = "N0") => span.TotalSeconds.ToString(format, CultureInfo.InvariantCulture) + " s";

    private static string Describe(HostileOutcome outcome) => $"{outcome.Route} — {outcome.Name}: {(outcome.Status == 0 ? "no answer" : outcome.Status)}";
}
