namespace Workflow.Domain.Levels;

/// <summary>
/// A relay's plan for the units under it, derived from its parent cycle's plan ("xây dựng kế hoạch của cấp mình"):
/// the parent's outline, forms and award structure, the relay's own deadlines (each before its own deadline to the
/// parent), reminders, extra units and deliverables. Each parent proposal round the relay takes part in becomes two:
/// the units propose to the relay, and the relay picks within its own quota what it forwards to the parent.
/// </summary>
public static class PlanDerivation
{
    /// <summary>The suffix of the round in which a relay picks, from its units' proposals, what it forwards to the parent.</summary>
    public const string PickSuffix = "-chon";

    /// <summary>The relay's pick round for a parent proposal round.</summary>
    public static string PickRoundId(string roundId) => roundId + PickSuffix;

    /// <summary>The parent round a pick round forwards to; null when the id is not a pick round's.</summary>
    public static string? ForwardsTo(string pickRoundId) =>
        pickRoundId.EndsWith(PickSuffix, StringComparison.Ordinal) ? pickRoundId[..^PickSuffix.Length] : null;

    /// <summary>The sub-cycle's id: the parent's and the relay's, so it sorts with its parent and says whose it is.</summary>
    public static string SubCycleId(string parentCycleId, string relayUnitId) => $"{parentCycleId}.{relayUnitId}";

    /// <summary>What the relay hands down, in plan order: the deliverables it owes the parent, then the rounds it proposes in.</summary>
    public static IReadOnlyList<InheritedSubject> Inherited(Plan parent, Unit relay)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(relay);
        return
        [
            .. parent.Deliverables.Where(d => d.AppliesTo.Includes(relay)).Select(d => new InheritedSubject(d.Id, d.Title, false, d.Deadline)),
            .. parent.NominationRounds.Where(r => r.PickedFrom is null && r.Proposers.Includes(relay)).Select(r => new InheritedSubject(r.Id, r.Title, true, r.Deadline)),
        ];
    }

    /// <summary>
    /// Derives the relay's plan. <paramref name="issuedOn"/> is the business day of issue. The result is also validated
    /// as any plan is, so a request that yields an invalid plan is refused with the plan's own errors.
    /// </summary>
    public static PlanDerivationResult Derive(
        Plan parent, string parentCycleId, IReadOnlyList<string> parentLineage, string relayUnitId, RelayPlanRequest request, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(parentLineage);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<PlanError>();
        var relay = parent.Units.FirstOrDefault(u => u.Id == relayUnitId);
        if (relay is null)
        {
            return new PlanDerivationResult(null, [new PlanError("relay", $"Đơn vị «{relayUnitId}» không thuộc kỳ báo cáo này.")]);
        }

        var units = relay.Units.Concat(request.Units).ToList();
        if (units.Count == 0)
        {
            return new PlanDerivationResult(null, [new PlanError("$.units", $"«{relay.Name}» không có đơn vị trực thuộc nào trong kế hoạch; thêm đơn vị (units) để ban hành kế hoạch của cấp mình.")]);
        }

        var everyone = new UnitScope { Blocks = [.. units.Select(u => u.Block).Distinct(StringComparer.Ordinal)] };
        var deliverables = new List<Deliverable>();
        var rounds = new List<NominationRound>();
        var inherited = new List<(string Id, Deadline ParentDeadline, bool Dated)>();
        var inScope = parent.Deliverables.Where(d => d.AppliesTo.Includes(relay)).ToList();
        for (var i = 0; i < request.Retained.Count; i++)
        {
            if (inScope.All(d => d.Id != request.Retained[i]))
            {
                errors.Add(new PlanError($"$.retained[{i}]", $"«{request.Retained[i]}» không phải nội dung «{relay.Name}» phải nộp cho cấp trên."));
            }
        }

        foreach (var deliverable in inScope.Where(d => !request.Retained.Contains(d.Id)))
        {
            var deadline = DeadlineFor(request, deliverable.Id, deliverable.Title, deliverable.Deadline, errors);
            inherited.Add((deliverable.Id, deliverable.Deadline, true));
            deliverables.Add(deliverable with
            {
                AppliesTo = everyone,
                Deadline = deadline ?? deliverable.Deadline,
                // A form scoped to some of the parent's units: the relay fills it, so every unit under it does.
                Forms = [.. deliverable.FormsFor(relay).Select(f => f with { AppliesTo = null })],
            });
        }

        foreach (var round in parent.NominationRounds.Where(r => r.PickedFrom is null && r.Proposers.Includes(relay)))
        {
            // An undated parent round may stay undated below; a dated one must be dated before it.
            Deadline? deadline = null;
            if (round.Deadline is { } parentDeadline)
            {
                deadline = DeadlineFor(request, round.Id, round.Title, parentDeadline, errors);
                inherited.Add((round.Id, parentDeadline, true));
            }
            else if (request.Deadlines.TryGetValue(round.Id, out var given))
            {
                deadline = given;
            }

            rounds.Add(round with { Proposers = everyone, Deadline = deadline, Optional = true, Quotas = [], QuotasAreExhaustive = false });
            rounds.Add(new NominationRound
            {
                Id = PickRoundId(round.Id),
                AwardLevel = round.AwardLevel,
                Title = $"{relay.Name} lựa chọn đề nghị: {round.Title}",
                PickedFrom = round.Id,
                LatePolicy = round.LatePolicy,
                Quotas = [.. RelayQuotas(round, relay, parent)],
                Eligibility = round.Eligibility,
                Dossier = round.Dossier,
            });
        }

        // A key names an inherited deliverable or units' round; the relay's pick round takes no deadline from the request,
        // so a key naming it would be silently dropped.
        var known = inherited.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in request.Deadlines.Keys.Where(k => !known.Contains(k) && !rounds.Any(r => r.Id == k && r.PickedFrom is null)).Order(StringComparer.Ordinal))
        {
            errors.Add(new PlanError($"$.deadlines.{id}", $"«{id}» không phải nội dung phải nộp hay đợt đề nghị mà «{relay.Name}» nhận từ kế hoạch cấp trên."));
        }

        deliverables.AddRange(request.Deliverables);
        var lastDay = inherited.Select(i => i.ParentDeadline.LastDay).Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(parent.ClosesOn).Max();
        // The parent's blocks all stay, so criteria and quotas naming them still validate; a block with no units is not shown.
        var blocks = parent.Blocks.Concat(request.Blocks).GroupBy(b => b.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var plan = new Plan
        {
            Id = SubCycleId(parent.Id, relay.Id),
            Number = string.IsNullOrWhiteSpace(request.Number) ? $"{parent.Number} – {relay.Name}" : request.Number.Trim(),
            IssuedOn = issuedOn,
            Issuer = relay.Name,
            Title = $"{parent.Title} (triển khai tại {relay.Name})",
            LegalBasis = [$"Kế hoạch số {parent.Number} ngày {VietnamTime.FormatDate(parent.IssuedOn)} của {parent.Issuer}", .. parent.LegalBasis],
            Kind = parent.Kind,
            DataPeriod = parent.DataPeriod,
            ClosesOn = lastDay < parent.ClosesOn ? lastDay : parent.ClosesOn,
            TimeZone = parent.TimeZone,
            Blocks = blocks,
            Members = parent.Members,
            Units = units,
            Deliverables = deliverables,
            Scales = parent.Scales,
            NominationRounds = rounds,
            Reminders = request.Reminders ?? parent.Reminders,
            OperatorEmails = relay.Emails,
            Origin = new PlanOrigin
            {
                ParentCycleId = parentCycleId,
                ParentPlanId = parent.Id,
                RelayUnitId = relay.Id,
                Lineage = [.. parentLineage, relay.Id],
            },
        };

        errors.AddRange(PlanValidator.Validate(plan));
        return errors.Count > 0 ? new PlanDerivationResult(null, errors) : new PlanDerivationResult(plan, []);
    }

    /// <summary>
    /// The relay's deadline for one inherited subject. It must end before the relay's own deadline to the parent, so the
    /// relay has time to consolidate what its units sent.
    /// </summary>
    private static Deadline? DeadlineFor(RelayPlanRequest request, string id, string title, Deadline parentDeadline, List<PlanError> errors)
    {
        var path = $"$.deadlines.{id}";
        if (!request.Deadlines.TryGetValue(id, out var deadline) || deadline is null)
        {
            errors.Add(new PlanError(path, $"Thiếu thời hạn các đơn vị trực thuộc nộp «{title}» (hạn của cấp mình với cấp trên: {parentDeadline.Describe()})."));
            return null;
        }

        if (!deadline.IsWellFormed || deadline.LastDay is not { } last)
        {
            errors.Add(new PlanError(path, $"Thời hạn nộp «{title}» không hợp lệ."));
            return null;
        }

        if (parentDeadline.LastDay is { } parentLast && last >= parentLast)
        {
            errors.Add(new PlanError(path,
                $"Thời hạn nộp «{title}» ({deadline.Describe()}, hạn cuối {VietnamTime.FormatDate(last)}) phải trước hạn của cấp mình với cấp trên ({parentDeadline.Describe()}, hạn cuối {VietnamTime.FormatDate(parentLast)})."));
        }

        return deadline;
    }

    /// <summary>
    /// The parent's quota rules that bind this relay as a proposer, restated for the relay's own pick: counted over
    /// all of its picks, since it is the only proposer there. A rule for other proposers does not bind it.
    /// </summary>
    private static IEnumerable<QuotaRule> RelayQuotas(NominationRound round, Unit relay, Plan parent)
    {
        foreach (var rule in round.Quotas)
        {
            var match = rule.Match;
            var binds = (match.ProposerBlocks.Count == 0 || match.ProposerBlocks.Contains(relay.Block))
                && (match.ProposerUnits.Count == 0 || match.ProposerUnits.Contains(relay.Id));
            if (!binds)
            {
                continue;
            }

            // Nominee filters naming the parent's units cannot name the relay's units; the relay's pick is judged by its structure.
            var nominees = match.NomineeBlocks.Count > 0 || match.NomineeUnits.Count > 0 || match.NomineeManagedBy.Count > 0;
            if (nominees && !parent.Blocks.Any(b => match.NomineeBlocks.Contains(b.Id) && relay.Descendants().Any(u => u.Block == b.Id)))
            {
                continue;
            }

            yield return rule with
            {
                Per = rule.Per == QuotaGrouping.Proposer ? QuotaGrouping.All : rule.Per,
                Match = match with { ProposerBlocks = [], ProposerUnits = [], NomineeUnits = [], NomineeManagedBy = [] },
            };
        }
    }
}
