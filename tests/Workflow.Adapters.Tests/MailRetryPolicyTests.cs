using Workflow.Email;

namespace Workflow.Adapters.Tests;

public sealed class MailRetryPolicyTests
{
    private static readonly EmailOptions Options = new() { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(30), MaxAttempts = 10 };
    private static readonly DateTimeOffset Now = new(2024, 4, 24, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1800)]
    [InlineData(9, 1800)]
    public void AnOutage_IsRetriedAfterDoublingDelays_UpToTheCap(int attempts, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), MailRetryPolicy.NextAttempt(attempts, Outage(503), Now, Options));

    [Fact]
    public void TheLastAttempt_MarksTheKeyFailed() => Assert.Null(MailRetryPolicy.NextAttempt(10, Outage(503), Now, Options));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(413)]
    public void APermanentRefusal_IsNotRetried(int status) => Assert.Null(MailRetryPolicy.NextAttempt(1, Outage(status), Now, Options));

    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    [InlineData(null)]
    public void ThrottlingTimeoutsAndRefusedConnections_AreRetried(int? status) => Assert.NotNull(MailRetryPolicy.NextAttempt(1, Outage(status), Now, Options));

    private static TransportResult Outage(int? status) => new(false, true, status, null, "x");
}
