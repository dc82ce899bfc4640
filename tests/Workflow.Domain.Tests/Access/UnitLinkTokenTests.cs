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

    /// <summary>
    /// Five other spellings of a genuine token that a lenient decoder reads as the same claims: each is refused, so a
    /// token has exactly one text (what a log, a cache or a revocation list sees is what was issued).
    /// </summary>
    [Theory]
    [InlineData("padding")]
    [InlineData("standard-alphabet")]
    [InlineData("stray-bits")]
    [InlineData("whitespace")]
    [InlineData("expiry-leading-zero")]
    [InlineData("expiry-plus-sign")]
    [InlineData("lower-case-version")]
    public void NonCanonicalSpellingOfAGenuineToken_IsRefused(string variant)
    {
        // "sở>>?" encodes to "c-G7nz4-Pw": '-' in the alphabet and a segment that base64 would pad.
        var token = UnitLinkToken.Create(Key, "bg-2024-ct07", "sở>>?", Closes);
        Assert.NotNull(UnitLinkToken.Validate(Key, token, Closes.AddDays(-1)));
        var parts = token.Split('.');
        switch (variant)
        {
            case "padding":
                parts[2] += "==";
                break;
            case "standard-alphabet":
                parts[2] = parts[2].Replace('-', '+');
                break;
            case "stray-bits":
                // The last character of a 10-character segment carries 4 bits that are dropped: 'w' (48) and 'x' (49) differ only there.
                Assert.EndsWith("w", parts[2], StringComparison.Ordinal);
                parts[2] = parts[2][..^1] + "x";
                break;
            case "whitespace":
                parts[1] = parts[1].Insert(4, " ");
                break;
            case "expiry-leading-zero":
                parts[3] = "0" + parts[3];
                break;
            case "expiry-plus-sign":
                parts[3] = "+" + parts[3];
                break;
            default:
                parts[0] = "V1";
                break;
        }

        var spelled = string.Join('.', parts);
        Assert.NotEqual(token, spelled);
        Assert.Null(UnitLinkToken.Validate(Key, spelled, Closes.AddDays(-1)));
    }

    [Theory]
    [InlineData("v1.YmctMjAyNC1jdDA3.__8.1722445200.x")]
    [InlineData("v1.YmctMjAyNC1jdDA3.YQ.99999999999999999.x")]
    [InlineData("v1.YmctMjAyNC1jdDA3.YQ.-1.x")]
    public void TokenWithInvalidUtf8OrAnImpossibleExpiry_IsRefused(string token)
    {
        Assert.Null(UnitLinkToken.Validate(Key, token, Closes.AddDays(-1)));
    }
}
