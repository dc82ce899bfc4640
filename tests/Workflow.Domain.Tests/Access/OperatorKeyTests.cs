using Workflow.Domain.Access;

namespace Workflow.Domain.Tests.Access;

public sealed class OperatorKeyTests
{
    [Fact]
    public void AKey_ParsesToItsAccountAndSecret_AndOnlyTheSecretsHashMatches()
    {
        var id = OperatorKey.NewId();
        var (key, hash) = OperatorKey.Create(id);
        Assert.StartsWith($"wf_{id}_", key, StringComparison.Ordinal);
        var (parsedId, secret) = OperatorKey.Parse(key)!.Value;
        Assert.Equal(id, parsedId);
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
        Assert.True(OperatorKey.Matches(hash, secret));
        Assert.False(OperatorKey.Matches(hash, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.NotEqual(key, OperatorKey.Create(id).Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("khoa-khoi-tao-bat-ky-0123456789")]
    [InlineData("wf_")]
    [InlineData("wf_abc_short")]
    [InlineData("wf_ABCDEF123456_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wf_abcdef123456_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("wf_abc/def_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void AnythingElse_IsNoAccountKey(string? key) => Assert.Null(OperatorKey.Parse(key));

    [Fact]
    public void AScope_CoversTheCyclesWhoseLineageHoldsItsUnit_TheRootCoversAll()
    {
        Assert.True(OperatorScope.Covers("*", []));
        Assert.True(OperatorScope.Covers("huyen-a", ["huyen-a"]));
        Assert.True(OperatorScope.Covers("huyen-a", ["huyen-a", "xa-a1"]));
        Assert.False(OperatorScope.Covers("huyen-a", []));
        Assert.False(OperatorScope.Covers("huyen-a", ["huyen-b"]));
        Assert.False(OperatorScope.Covers("xa-a1", ["huyen-a"]));
        Assert.False(OperatorScope.Covers(null, ["huyen-a"]));
        Assert.True(OperatorScope.IsValid("*"));
        Assert.True(OperatorScope.IsValid("bcd-yen-the"));
        Assert.False(OperatorScope.IsValid("**"));
        Assert.False(OperatorScope.IsValid("a/b"));
        Assert.False(OperatorScope.IsValid(""));
    }
}
