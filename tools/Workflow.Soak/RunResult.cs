namespace Workflow.Soak;

/// <summary>What one run of the script left behind and how it was answered, for the comparison table.</summary>
internal sealed record RunResult(
    string Name,
    string CycleId,
    string RuntimeStatus,
    string? Failure,
    IReadOnlyList<AcceptedUpload> Accepted,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> MailKeys,
    IReadOnlyDictionary<string, string> Exports,
    IReadOnlyList<Response> Responses,
    IReadOnlyList<TimeSpan> BurstLatencies,
    int BurstFailed,
    IReadOnlyList<HostileOutcome> Hostile,
    IReadOnlyDictionary<string, int> ScriptedAnswers,
    int Kills,
    int Crashes,
    TimeSpan Outage,
    TimeSpan Elapsed);
