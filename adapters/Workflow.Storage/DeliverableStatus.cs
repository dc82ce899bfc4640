namespace Workflow.Storage;

/// <summary>
/// Where one unit stands on one deliverable or nomination round. <see cref="Deadline"/> is the unit's authoritative
/// deadline: an extension moves it for this unit only, and the upload boundary decides against it.
/// </summary>
public sealed record DeliverableStatus
{
    public required string CycleId { get; init; }
    public required string UnitId { get; init; }
    public required string SubjectId { get; init; }
    public required Deadline Deadline { get; init; }
    public LatePolicy LatePolicy { get; init; } = LatePolicy.AcceptAndMarkLate;
    public string TimeZone { get; init; } = VietnamTime.ZoneId;
    public SubmissionState State { get; init; } = SubmissionState.Pending;

    /// <summary>
    /// The unit may hand it in or not (an optional deliverable or round): reminded, never chased, and past its deadline
    /// without anything handed in it is "không nộp (không bắt buộc)" / "không đề nghị", never missing.
    /// </summary>
    public bool Optional { get; init; }

    /// <summary>Arrival (UTC) of the version that counts.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The version that counts: the latest on-time one, or the latest late one when none was on time.</summary>
    public int? CountedVersion { get; init; }

    public string? CountedReceipt { get; init; }
    public int LatestVersion { get; init; }
    public bool Late { get; init; }
    public int RemindersSent { get; init; }
    public string? LastReminderKey { get; init; }
    public DateTimeOffset? LastReminderAt { get; init; }

    /// <summary>The statistics sent with the counted version (JSON, see Workflow.Domain.Reports.StatisticsJson).</summary>
    public string? StatisticsJson { get; init; }

    /// <summary>The filled files of file-only forms sent with the counted version, one per form.</summary>
    public IReadOnlyList<FormFileVersion> FormFiles { get; init; } = [];

    public SubmissionKey Key => new(CycleId, UnitId, SubjectId);

    public DeadlineEvaluator Evaluator => new(VietnamTime.ZoneOf(TimeZone));

    /// <summary>The first late instant (UTC) of this unit's deadline.</summary>
    public DateTimeOffset Cutoff => Evaluator.Cutoff(Deadline);

    /// <summary>A new pending row for a unit that must hand this subject in.</summary>
    public static DeliverableStatus Pending(SubmissionKey key, Deadline deadline, LatePolicy latePolicy, string timeZone = VietnamTime.ZoneId, bool optional = false) => new()
    {
        CycleId = key.CycleId,
        UnitId = key.UnitId,
        SubjectId = key.SubjectId,
        Deadline = deadline,
        LatePolicy = latePolicy,
        TimeZone = timeZone,
        Optional = optional,
    };

    /// <summary>
    /// Records an accepted version. The latest on-time version counts, so a late resubmission after an on-time one
    /// does not turn the unit late; among late versions only, the latest counts. "Latest" is the higher version, so
    /// concurrent uploads whose rows are written out of order still leave the newest counting.
    /// </summary>
    public DeliverableStatus WithSubmission(
        int version, DateTimeOffset receivedAt, Timeliness timeliness, string receiptNumber, string? statisticsJson = null, IReadOnlyList<FormFileVersion>? formFiles = null)
    {
        var latest = Math.Max(LatestVersion, version);
        var newer = CountedVersion is not { } counted || version > counted;
        var counts = State == SubmissionState.Pending
            || (timeliness == Timeliness.OnTime && (Late || newer))
            || (timeliness == Timeliness.Late && Late && newer);
        return counts
            ? this with
            {
                State = SubmissionState.Submitted,
                SubmittedAt = receivedAt.ToUniversalTime(),
                CountedVersion = version,
                CountedReceipt = receiptNumber,
                Late = timeliness == Timeliness.Late,
                LatestVersion = latest,
                StatisticsJson = statisticsJson,
                FormFiles = formFiles ?? [],
            }
            : this with { LatestVersion = latest };
    }

    /// <summary>True when nothing was handed in by the cutoff of an optional subject: not submitted, and never missing.</summary>
    public bool NotRequiredAt(DateTimeOffset now) => Optional && State != SubmissionState.Submitted && now >= Cutoff;

    /// <summary>True when a required subject was not handed in by its cutoff.</summary>
    public bool MissingAt(DateTimeOffset now) => !Optional && State != SubmissionState.Submitted && now >= Cutoff;

    /// <summary>Counts a reminder once per schedule point, so a retried activity does not count it twice.</summary>
    public DeliverableStatus WithReminder(string pointKey, DateTimeOffset sentAt) =>
        LastReminderKey == pointKey
            ? this
            : this with { RemindersSent = RemindersSent + 1, LastReminderKey = pointKey, LastReminderAt = sentAt.ToUniversalTime() };

    /// <summary>Moves this unit's deadline (gia hạn); a submission already made is re-judged against the new one.</summary>
    public DeliverableStatus WithDeadline(Deadline deadline)
    {
        var moved = this with { Deadline = deadline };
        return SubmittedAt is { } at ? moved with { Late = moved.Evaluator.Evaluate(deadline, at) == Timeliness.Late } : moved;
    }
}
