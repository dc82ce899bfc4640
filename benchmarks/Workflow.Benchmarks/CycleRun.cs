namespace Workflow.Benchmarks;

/// <summary>One cycle run of row 1: how long it took (or ran until the cap), what it cost and what reached the sink.</summary>
internal sealed record CycleRun(bool Completed, double Seconds, double Span, long Episodes, StorageCount Requests, int Mails, int UnitsDone)
{
    public string Describe() =>
        $"{(Completed ? "" : "≥ ")}{Seconds:F0} s{(Completed ? "" : " (stopped at the cap)")} · {Episodes:N0} episodes · {Requests.Storage:N0} " +
        $"(table {Requests.Table:N0}, queue {Requests.Queue:N0}, blob {Requests.Blob:N0}) · {Mails:N0} mails in {Requests.SendGrid:N0} SendGrid requests";
}
