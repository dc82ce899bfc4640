using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Access;

/// <summary>
/// The per-unit, per-cycle link carried in a unit's e-mails: "v1.{cycle}.{unit}.{expires}.{mac}" signed with HMAC-SHA256
/// under a key from configuration. It proves which unit is acting in which cycle and stops working when the cycle
/// closes; nothing is stored server-side, so a leaked link is revoked by rotating the key.
/// </summary>
public static class UnitLinkToken
{
    private const string Version = "v1";

    /// <summary>The latest expiry a token may carry (9999-12-31), so a forged number cannot overflow the date.</summary>
    private const long MaxExpiry = 253402300799;

    public static string Create(ReadOnlySpan<byte> key, string cycleId, string unitId, DateTimeOffset expiresAt)
    {
        var payload = Payload(cycleId, unitId, expiresAt.ToUnixTimeSeconds());
        return $"{payload}.{Mac(key, payload)}";
    }

    /// <summary>The unit the token was issued to, or null when it is malformed, forged, for another cycle or expired.</summary>
    /// <remarks>
    /// Only the exact text <see cref="Create"/> issues is accepted: base64 is decoded leniently (padding, the standard
    /// alphabet, stray bits, whitespace) and numbers parse with signs and leading zeros, so the token is re-issued from
    /// what it decodes to and compared whole. Anything else is a different spelling of a token, never a second key to it.
    /// </remarks>
    public static UnitLinkClaims? Validate(ReadOnlySpan<byte> key, string? token, DateTimeOffset now)
    {
        var parts = token?.Split('.');
        if (parts is not [Version, var cycle, var unit, var expires, _]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt > MaxExpiry
            || Decode(cycle) is not { } cycleId
            || Decode(unit) is not { } unitId)
        {
            return null;
        }

        var canonical = Create(key, cycleId, unitId, DateTimeOffset.FromUnixTimeSeconds(expiresAt));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(canonical), Encoding.UTF8.GetBytes(token!)))
        {
            return null;
        }

        var expiry = DateTimeOffset.FromUnixTimeSeconds(expiresAt);
        return now < expiry ? new UnitLinkClaims(cycleId, unitId, expiry) : null;
    }

    private static string Payload(string cycleId, string unitId, long expires) => $"{Version}.{Encode(cycleId)}.{Encode(unitId)}.{expires}";

    private static string Mac(ReadOnlySpan<byte> key, string payload) =>
        Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    private static string Encode(string value) => Base64Url(Encoding.UTF8.GetBytes(value));

    /// <summary>The text a segment encodes; null when it is not base64url or not UTF-8 (the comparison refuses every other spelling).</summary>
    private static string? Decode(string value)
    {
        try
        {
            var padded = value.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
