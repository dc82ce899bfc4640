using System.Security.Cryptography;
using System.Text;

namespace Workflow.Application;

/// <summary>
/// Keys of the cycle's timeline rows: "{kind}-{id}" when that fits the table's key alphabet (100 letters, digits, '.',
/// '_', '-'), otherwise the kind and a hash of the id, so a long or ':'-separated id still lands on one row.
/// </summary>
internal static class EventKeys
{
    private const int MaxLength = 100;

    public static string Of(string kind, string id)
    {
        var key = $"{kind}-{id}";
        return key.Length <= MaxLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? key
            : $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32]}";
    }
}
