using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Domain.Time;

namespace Workflow.Domain.Tests.Samples;

/// <summary>Pins what the samples take from their source documents (seeds 004 and 002).</summary>
public sealed class SampleContentTests
{
    private static Plan Load(string file) =>
        PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file))).Plan!;

    private static readonly Plan ThaiBinh = Load("thai-binh-2024-thi-dua.plan.json");
    private static readonly Plan BacGiang = Load("bac-giang-2020-2025-de-an.plan.json");

    [Fact]
    public void Thai_binh_registration_is_due_before_15_01_2024_and_late_ones_are_accepted()
    {
        var registration = Assert.Single(ThaiBinh.Deliverables, d => d.Kind == DeliverableKind.Registration);

        Assert.Equal(LatePolicy.AcceptAndMarkLate, registration.LatePolicy);
        Assert.Equal(new DateTimeOffset(2024, 1, 14, 23, 59, 59, 999, TimeSpan.FromHours(7)), DeadlineEvaluator.Vietnam.LastAcceptedInstant(registration.Deadline));
        Assert.Equal(Timeliness.Late, DeadlineEvaluator.Vietnam.Evaluate(registration.Deadline, new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public void Thai_binh_has_its_eight_district_committees_and_agencies_managed_by_police_departments()
    {
        Assert.Equal(8, ThaiBinh.Units.Count(u => u.Block == "bcd-huyen"));
        var agencies = ThaiBinh.Units.Where(u => u.Block == "cqdncsgd").ToList();
        Assert.InRange(agencies.Count, 100, 200);
        Assert.All(agencies, a => Assert.True(ThaiBinh.Units.Single(u => u.Id == a.ManagedBy).IsPolice));
        Assert.All(ThaiBinh.Units.SelectMany(u => u.Emails), e => Assert.EndsWith(".example", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Thai_binh_targets_say_over_80_percent_safe_and_5_and_50_percent_ratings()
    {
        var safe = ThaiBinh.Targets.Where(t => t.MinPercent == 80 && t.Exclusive).Select(t => t.Field).ToList();
        Assert.Contains("so-khu-dan-cu-dat", safe);
        Assert.Contains("so-xa-dat", safe);
        Assert.Contains("so-cqdncsgd-dat", safe);
        Assert.Contains(ThaiBinh.Targets, t => t.Field == "so-phan-loai-xuat-sac" && t.MinPercent == 5 && !t.Exclusive);
        Assert.Contains(ThaiBinh.Targets, t => t.Field == "so-phan-loai-kha" && t.MinPercent == 50 && !t.Exclusive);
    }

    [Fact]
    public void Thai_binh_award_quotas_are_two_flags_and_at_most_fifteen_province_chair_certificates()
    {
        var flag = Assert.Single(ThaiBinh.NominationRounds, r => r.AwardLevel == AwardLevel.EmulationFlag);
        var chair = Assert.Single(ThaiBinh.NominationRounds, r => r.AwardLevel == AwardLevel.ProvinceChairCertificate);

        Assert.Equal(2, Assert.Single(flag.Quotas).MaxCollective);
        Assert.Equal(0, Assert.Single(flag.Quotas).MaxIndividual);
        Assert.Equal(15, Assert.Single(chair.Quotas).Max);
        Assert.All(ThaiBinh.NominationRounds.Where(r => r.PickedFrom is null), r => Assert.Equal(LatePolicy.Reject, r.LatePolicy));
        Assert.All(ThaiBinh.NominationRounds.Where(r => r.PickedFrom is not null), r => Assert.Equal("giay-khen-giam-doc-cong-an-tinh", r.PickedFrom));
    }

    [Fact]
    public void Bac_giang_implementation_plans_are_due_before_08_09_2020()
    {
        var plan = Assert.Single(BacGiang.Deliverables, d => d.Kind == DeliverableKind.ImplementationPlan);

        Assert.Equal(new DateTimeOffset(2020, 9, 7, 23, 59, 59, 999, TimeSpan.FromHours(7)), DeadlineEvaluator.Vietnam.LastAcceptedInstant(plan.Deadline));
        Assert.Equal(10, BacGiang.Units.Count(u => u.Block == "ubnd-huyen"));
    }

    [Fact]
    public void Bac_giang_runs_yearly_reports_an_interim_review_in_december_2022_and_a_final_review_early_2026()
    {
        Assert.Equal(6, BacGiang.Periods.Count(p => p.Kind == ProgrammePeriodKind.YearlyReport));
        var interim = Assert.Single(BacGiang.Periods, p => p.Kind == ProgrammePeriodKind.InterimReview).Deliverables.Single();
        var final = Assert.Single(BacGiang.Periods, p => p.Kind == ProgrammePeriodKind.FinalReview).Deliverables.Single();

        Assert.Equal(DeadlineSemantics.WithinMonth, interim.Deadline.Semantics);
        Assert.Equal(new DateOnly(2022, 12, 31), interim.Deadline.LastDay);
        Assert.Equal(new DateOnly(2026, 2, 28), final.Deadline.LastDay);
    }
}
