using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Domain.Access;

/// <summary>
/// An operator account's key, "wf_{id}_{secret}": the id names the account (so one point read finds it), the secret is
/// 256 random bits. Only the SHA-256 of the secret is stored; a key is shown once, when issued or rotated.
/// </summary>
public static partial class OperatorKey
{
    public const string Prefix = "wf_";

    public static string NewId() => RandomNumberGenerator.GetHexString(12, lowercase: true);

    /// <summary>A new key for the account and the hash to store for it.</summary>
    public static (string Key, string SecretHash) Create(string id)
    {
        if (!IsId(id))
        {
            throw new ArgumentException($"'{id}' is not an operator id.", nameof(id));
        }

        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{id}_{secret}", Hash(secret));
    }

    public static bool IsId(string? id) => id is not null && Id().IsMatch(id);

    /// <summary>The account id and secret of a key of this shape; null for anything else (the bootstrap key included).</summary>
    public static (string Id, string Secret)? Parse(string? key)
    {
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key[Prefix.Length..];
        var split = rest.IndexOf('_', StringComparison.Ordinal);
        if (split <= 0 || !IsId(rest[..split]) || !Secret().IsMatch(rest[(split + 1)..]))
        {
            return null;
        }

        return (rest[..split], rest[(split + 1)..]);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether the secret hashes to the stored hash, in time independent of where they differ.</summary>
    public static bool Matches(string storedHash, string secret)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(secret)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9]{4,32}$")]
    private static partial Regex Id();

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Secret();
}
