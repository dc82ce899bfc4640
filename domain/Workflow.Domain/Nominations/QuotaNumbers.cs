namespace Workflow.Domain.Nominations;

/// <summary>The numbers an operator sets for a pending quota rule once the awarding authority has given them.</summary>
public sealed record QuotaNumbers
{
    public int? Max { get; init; }
    public int? MaxCollective { get; init; }
    public int? MaxIndividual { get; init; }
    public int? MinPolice { get; init; }
    public int? MaxPolice { get; init; }

    public QuotaRule ApplyTo(QuotaRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule with { Max = Max, MaxCollective = MaxCollective, MaxIndividual = MaxIndividual, MinPolice = MinPolice, MaxPolice = MaxPolice, Pending = false };
    }

    /// <summary>The numbers as an operator reads them, e.g. "tổng số tối đa 3; cá nhân tối đa 2; thuộc lực lượng Công an ít nhất 1".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var (value, text) in new[]
        {
            (Max, "tổng số tối đa"), (MaxCollective, "tập thể tối đa"), (MaxIndividual, "cá nhân tối đa"),
            (MinPolice, "thuộc lực lượng Công an ít nhất"), (MaxPolice, "thuộc lực lượng Công an tối đa"),
        })
        {
            if (value is { } n)
            {
                parts.Add($"{text} {n.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        return parts.Count == 0 ? "chưa có số lượng" : string.Join("; ", parts);
    }

    /// <summary>What is wrong with the numbers, as (field, Vietnamese message); empty when they can be set.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Max is null && MaxCollective is null && MaxIndividual is null && MinPolice is null && MaxPolice is null)
        {
            problems.Add(("max", "Chưa nhập số lượng nào của chỉ tiêu."));
        }

        foreach (var (value, name) in new[] { (Max, "max"), (MaxCollective, "maxCollective"), (MaxIndividual, "maxIndividual"), (MinPolice, "minPolice"), (MaxPolice, "maxPolice") })
        {
            if (value < 0)
            {
                problems.Add((name, "Số lượng không được âm."));
            }
        }

        if (MinPolice > MaxPolice)
        {
            problems.Add(("minPolice", $"Số tối thiểu thuộc lực lượng Công an ({MinPolice}) lớn hơn số tối đa ({MaxPolice})."));
        }

        if (Max is { } max && MinPolice > max)
        {
            problems.Add(("minPolice", $"Số tối thiểu thuộc lực lượng Công an ({MinPolice}) lớn hơn tổng số được đề nghị ({max})."));
        }

        return problems;
    }
}
