using System.Security.Cryptography;

namespace Workflow.Storage;

internal static class Sha256Hex
{
    public static string Of(BinaryData content) => Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span));
}
