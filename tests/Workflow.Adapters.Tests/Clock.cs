using Microsoft.Extensions.Time.Testing;

namespace Workflow.Adapters.Tests;

internal static class Clock
{
    /// <summary>A fake server clock at a Vietnam wall-clock time.</summary>
    public static FakeTimeProvider AtVietnam(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(Vietnam(year, month, day, hour, minute, second));

    public static DateTimeOffset Vietnam(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(7)).ToUniversalTime();
}
