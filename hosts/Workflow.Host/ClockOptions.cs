namespace Workflow.Host;

/// <summary>An optional accelerated clock for demonstrations: business time starts at <see cref="StartAt"/> and runs <see cref="Speed"/> times faster.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    public DateTimeOffset? StartAt { get; set; }

    public double? Speed { get; set; }
}
