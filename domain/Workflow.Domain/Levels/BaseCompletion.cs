namespace Workflow.Domain.Levels;

/// <summary>
/// How the base units under a relay stood on a deliverable when it reported up: how many were asked, and how many
/// handed in on time, late, or not at all. Summed up every level, so the top sees its base however deep the tree.
/// </summary>
public sealed record BaseCompletion(int Expected, int OnTime, int Late, int Missing)
{
    public static BaseCompletion None { get; } = new(0, 0, 0, 0);

    public int Submitted => OnTime + Late;

    public BaseCompletion Add(BaseCompletion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Expected + other.Expected, OnTime + other.OnTime, Late + other.Late, Missing + other.Missing);
    }

    /// <summary>"Yên Thế: 28/30 đơn vị cơ sở đã nộp (2 nộp muộn, 2 chưa nộp)".</summary>
    public string Describe(string name) =>
        $"{name}: {Submitted}/{Expected} đơn vị cơ sở đã nộp" + (Late > 0 || Missing > 0 ? $" ({Late} nộp muộn, {Missing} chưa nộp)" : "");
}
