using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>
/// One cycle run of row 1: how long it took (or ran until the cap), the wall seconds of each stage (the plan notices,
/// then each schedule instant until its mails were at the sink), what it cost and what reached the sink.
/// </summary>
internal sealed record CycleRun(bool Completed, double Seconds, IReadOnlyList<double> Stages, long Episodes, StorageCount Requests, int Mails)
{
    public string Describe() =>
        $"{(Completed ? "" : "≥ ")}{Seconds:F1} s{(Completed ? "" : " (stopped at the cap)")} (notices, then each instant: " +
        $"{string.Join(" / ", Stages.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))} s) · {Episodes:N0} episodes · {Requests.Storage:N0} " +
        $"(table {Requests.Table:N0}, queue {Requests.Queue:N0}, blob {Requests.Blob:N0}) · {Mails:N0} mails in {Requests.SendGrid:N0} SendGrid requests";
}
