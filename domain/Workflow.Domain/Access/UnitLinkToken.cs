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

    public static string Create(ReadOnlySpan<byte> key, string cycleId, string unitId, DateTimeOffset expiresAt)
    {
        var payload = Payload(cycleId, unitId, expiresAt.ToUnixTimeSeconds());
        return $"{payload}.{Mac(key, payload)}";
    }

    /// <summary>The unit the token was issued to, or null when it is malformed, forged, for another cycle or expired.</summary>
    public static UnitLinkClaims? Validate(ReadOnlySpan<byte> key, string? token, DateTimeOffset now)
    {
        var parts = token?.Split('.');
        if (parts is not [Version, var cycle, var unit, var expires, var mac] || !long.TryParse(expires, out var expiresAt))
        {
            return null;
        }

        var payload = Payload(Decode(cycle), Decode(unit), expiresAt);
        var expected = Encoding.ASCII.GetBytes(Mac(key, payload));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac)))
        {
            return null;
        }

        var expiry = DateTimeOffset.FromUnixTimeSeconds(expiresAt);
        return now < expiry ? new UnitLinkClaims(Decode(cycle), Decode(unit), expiry) : null;
    }

    private static string Payload(string cycleId, string unitId, long expires) => $"{Version}.{Encode(cycleId)}.{Encode(unitId)}.{expires}";

    private static string Mac(ReadOnlySpan<byte> key, string payload) =>
        Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    private static string Encode(string value) => Base64Url(Encoding.UTF8.GetBytes(value));

    private static string Decode(string value)
    {
        try
        {
            var padded = value.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
