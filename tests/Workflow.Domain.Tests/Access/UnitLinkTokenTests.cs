using System.Text;
using Workflow.Domain.Access;

namespace Workflow.Domain.Tests.Access;

public sealed class UnitLinkTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("khóa-thử-nghiệm-không-dùng-thật-0123456789");
    private static readonly DateTimeOffset Closes = new(2024, 7, 31, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Token_NamesItsCycleAndUnit_UntilTheCycleCloses()
    {
        var token = UnitLinkToken.Create(Key, "bg-2024-ct07", "bcd-yen-the", Closes);

        var claims = UnitLinkToken.Validate(Key, token, Closes.AddSeconds(-1));

        Assert.Equal(new UnitLinkClaims("bg-2024-ct07", "bcd-yen-the", Closes), claims);
        Assert.Null(UnitLinkToken.Validate(Key, token, Closes));
    }

    [Fact]
    public void TokenEditedToAnotherUnit_IsRefused()
    {
        var token = UnitLinkToken.Create(Key, "bg-2024-ct07", "bcd-yen-the", Closes);
        var other = UnitLinkToken.Create(Key, "bg-2024-ct07", "bcd-tan-yen", Closes);
        var parts = token.Split('.');
        parts[2] = other.Split('.')[2];

        Assert.Null(UnitLinkToken.Validate(Key, string.Join('.', parts), Closes.AddDays(-1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1.a.b")]
    [InlineData("v1.@@.@@.x.y")]
    public void MalformedToken_IsRefused(string? token)
    {
        Assert.Null(UnitLinkToken.Validate(Key, token, Closes.AddDays(-1)));
    }

    [Fact]
    public void TokenSignedWithAnotherKey_IsRefused()
    {
        var token = UnitLinkToken.Create(Encoding.UTF8.GetBytes("một-khóa-khác-hoàn-toàn-0123456789"), "bg-2024-ct07", "bcd-yen-the", Closes);

        Assert.Null(UnitLinkToken.Validate(Key, token, Closes.AddDays(-1)));
    }
}
