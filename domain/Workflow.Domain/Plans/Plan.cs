namespace Workflow.Domain.Plans;

/// <summary>
/// One reporting cycle as the standing agency issues it: who reports what, by when, and how awards are proposed.
/// An operator writes it once per cycle as JSON (schemas/plan.schema.json).
/// </summary>
public sealed record Plan
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public required string Issuer { get; init; }

    /// <summary>
    /// Địa danh of the documents the cycle drafts ("Bắc Giang"); when the plan omits it, the name after the issuer's
    /// last "tỉnh" or "thành phố".
    /// </summary>
    public string? Place { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public required CycleKind Kind { get; init; }
    public required DatePeriod DataPeriod { get; init; }

    /// <summary>Last day the cycle stays open for work (reports, chases, consolidation); deadlines fall within it.</summary>
    public required DateOnly ClosesOn { get; init; }

    public string TimeZone { get; init; } = VietnamTime.ZoneId;
    public IReadOnlyList<Block> Blocks { get; init; } = [];
    public IReadOnlyList<CommitteeMember> Members { get; init; } = [];
    public IReadOnlyList<Unit> Units { get; init; } = [];
    public IReadOnlyList<Deliverable> Deliverables { get; init; } = [];
    public IReadOnlyList<Target> Targets { get; init; } = [];
    public IReadOnlyList<Scale> Scales { get; init; } = [];
    public IReadOnlyList<NominationRound> NominationRounds { get; init; } = [];
    public required ReminderPolicy Reminders { get; init; }

    /// <summary>The operators' own dates (conferences, reports to the ministry): on the timeline, and reminded to <see cref="OperatorEmails"/>.</summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];

    /// <summary>The standing agency's addresses: milestone reminders go there.</summary>
    public IReadOnlyList<string> OperatorEmails { get; init; } = [];

    /// <summary>Set on a plan a relay derived from its parent cycle's plan: where it comes from and who issued it.</summary>
    public PlanOrigin? Origin { get; init; }

    /// <summary>Set for a multi-year programme (002): the periods whose rounds start at their dates.</summary>
    public IReadOnlyList<ProgrammePeriod> Periods { get; init; } = [];

    /// <summary>Every unit of the tree: the cycle's own units, each followed by the units under it.</summary>
    public IEnumerable<Unit> AllUnits() => Units.SelectMany(u => u.Descendants().Prepend(u));

    /// <summary>The plan's own deliverables followed by those of each programme period.</summary>
    public IEnumerable<Deliverable> AllDeliverables() => Deliverables.Concat(Periods.SelectMany(p => p.Deliverables));

    /// <summary>What units hand in during this cycle: the deliverables, then the dated rounds units propose in.</summary>
    public IEnumerable<PlanSubject> Subjects() =>
        Deliverables.Select(d => new PlanSubject(d.Id, d.Title, d.Deadline, d.LatePolicy, d.AppliesTo, IsNominationRound: false, d.Optional))
            .Concat(NominationRounds.Where(r => r.PickedFrom is null && r.Deadline is not null).Select(r => r.AsSubject(r.Deadline!)));

    /// <summary>Rounds units propose in that have no deadline yet: an operator dates them during the cycle.</summary>
    public IEnumerable<NominationRound> UndatedRounds() => NominationRounds.Where(r => r.PickedFrom is null && r.Deadline is null);

    /// <summary>The plan with a round dated by an operator.</summary>
    public Plan WithRoundDeadline(string roundId, Deadline deadline) =>
        this with { NominationRounds = [.. NominationRounds.Select(r => r.Id == roundId ? r with { Deadline = deadline } : r)] };

    /// <summary>The plan with a pending quota rule's numbers set by an operator; the rule is no longer pending.</summary>
    public Plan WithQuotaNumbers(string roundId, string quotaId, QuotaNumbers numbers) =>
        this with
        {
            NominationRounds =
            [
                .. NominationRounds.Select(r => r.Id != roundId ? r : r with
                {
                    Quotas = [.. r.Quotas.Select(q => q.Id != quotaId ? q : numbers.ApplyTo(q))],
                }),
            ],
        };

    /// <summary>The title of a deliverable or nomination round; null when the plan has none with this id.</summary>
    public string? SubjectTitle(string id) =>
        AllDeliverables().FirstOrDefault(d => d.Id == id)?.Title ?? NominationRounds.FirstOrDefault(r => r.Id == id)?.Title
        ?? Milestones.FirstOrDefault(m => m.Id == id)?.Title;

    /// <summary>The plan's time zone (validation refuses unknown ones).</summary>
    public TimeZoneInfo Zone() => VietnamTime.ZoneOf(TimeZone);

    /// <summary>
    /// The plan as the cycle's orchestration carries it: the units without their names, addresses, people and the units
    /// under them, which only activities and sub-cycles read, from the stored plan. The orchestration's input and history keep a copy of it, so for a
    /// national cycle of 100,000 units this is what keeps the engine's memory and storage small.
    /// </summary>
    public Plan ForSchedule() => this with { Units = [.. Units.Select(u => new Unit { Id = u.Id, Name = "", Block = u.Block, IsPolice = u.IsPolice })] };

    /// <summary>The first instant after the cycle's last day: follow-ups end and units' links expire here.</summary>
    public DateTimeOffset ClosesAt() => VietnamTime.AddDays(ClosesOn, 1) is { } after ? VietnamTime.StartOfDay(after, Zone()) : DateTimeOffset.MaxValue;
}
