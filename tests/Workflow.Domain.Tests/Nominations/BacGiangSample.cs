using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;

namespace Workflow.Domain.Tests.Nominations;

/// <summary>The real seed-000 sample plan, loaded once, and builders for nominations against it.</summary>
internal static class BacGiangSample
{
    public const string DirectorRound = "giay-khen-giam-doc";
    public const string ChairRound = "bang-khen-chu-tich-tinh";
    public const string MinisterRound = "bang-khen-bo-truong";

    private static readonly Lazy<Plan> Loaded = new(Load);

    public static Plan Plan => Loaded.Value;

    public static NominationRound Round(string id) => Plan.NominationRounds.Single(r => r.Id == id);

    public static EligibilityProfile Profile(string id) => Round(DirectorRound).Eligibility.Single(p => p.Id == id);

    public static IEnumerable<Unit> Block(string block) => Plan.Units.Where(u => u.Block == block);

    public static IEnumerable<Unit> ManagedBy(string department) => Plan.Units.Where(u => u.ManagedBy == department);

    public static Nomination Nominee(string id, string proposedBy, string nomineeUnit, NomineeKind kind, bool isPolice = false, string round = DirectorRound) =>
        new()
        {
            Id = id,
            Round = round,
            ProposedBy = proposedBy,
            NomineeUnit = nomineeUnit,
            Kind = kind,
            Name = $"Đối tượng {id}",
            IsPolice = isPolice,
            Profile = kind == NomineeKind.Collective ? "tap-the-cqdncsgd-nha-nuoc" : "ca-nhan-mttq-ban-nganh-nha-nuoc",
        };

    private static Plan Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json");
        var result = PlanJson.Read(File.ReadAllText(path));
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        return result.Plan!;
    }
}
