using System.Text.RegularExpressions;

namespace Workflow.MailSink;

/// <summary>Reads the one Email Activity query the sink answers: <c>unique_args['message_key']="value"</c> (SendGrid's query language).</summary>
internal static partial class ActivityQuery
{
    public const string MessageKeyArg = "message_key";

    public static string? MessageKey(string? query)
    {
        var match = query is null ? Match.Empty : KeyQuery().Match(query.Trim());
        return match.Success ? match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal) : null;
    }

    [GeneratedRegex("""^\(?unique_args\['message_key'\]\s*=\s*"((?:[^"\\]|\\.)*)"\)?$""")]
    private static partial Regex KeyQuery();
}
