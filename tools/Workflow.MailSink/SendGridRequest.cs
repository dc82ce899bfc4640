using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflow.MailSink;

/// <summary>Reads a SendGrid v3 mail/send body far enough to catch the mistakes a client can make, and splits it into the mails SendGrid would deliver.</summary>
internal static class SendGridRequest
{
    /// <summary>SendGrid's limit per mail/send request.</summary>
    public const int MaxPersonalizations = 1000;

    public static IReadOnlyList<RecordedMail> Parse(long requestSequence, Func<long> nextSequence, DateTimeOffset receivedAt, IReadOnlyDictionary<string, string> headers, string body, bool authorized, int? injectedStatus = null)
    {
        var errors = new List<string>();
        if (!authorized)
        {
            errors.Add("authorization: a Bearer API key is required");
        }

        string? from = null, subject = null, text = null, html = null;
        var personalizations = new List<Personalization>();
        var customArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            from = root.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object && f.TryGetProperty("email", out var fe) ? fe.GetString() : null;
            if (string.IsNullOrWhiteSpace(from))
            {
                errors.Add("from.email: required");
            }

            subject = Text(root, "subject");
            ReadStrings(root, "custom_args", customArgs);
            if (!root.TryGetProperty("personalizations", out var ps) || ps.ValueKind != JsonValueKind.Array || ps.GetArrayLength() == 0)
            {
                errors.Add("personalizations: at least one is required");
            }
            else
            {
                if (ps.GetArrayLength() > MaxPersonalizations)
                {
                    errors.Add($"personalizations: at most {MaxPersonalizations} are allowed, got {ps.GetArrayLength()}");
                }

                var index = 0;
                foreach (var p in ps.EnumerateArray())
                {
                    var personalization = Personalization.Read(p);
                    if (personalization.To.Count == 0)
                    {
                        errors.Add($"personalizations.{index}.to: at least one recipient with an email is required");
                    }

                    if (personalization.To.Intersect(personalization.Cc, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both)
                    {
                        errors.Add($"personalizations.{index}: '{both}' appears in both to and cc; each address may appear once per personalization");
                    }

                    personalizations.Add(personalization);
                    index++;
                }
            }

            if (string.IsNullOrWhiteSpace(subject) && (personalizations.Count == 0 || personalizations.Any(p => string.IsNullOrWhiteSpace(p.Subject))))
            {
                errors.Add("subject: required, at the top level or in every personalization");
            }

            if (root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array && content.GetArrayLength() > 0)
            {
                foreach (var part in content.EnumerateArray())
                {
                    var type = Text(part, "type");
                    var value = Text(part, "value");
                    if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(value))
                    {
                        errors.Add("content: every part needs a type and a value");
                    }
                    else if (type == "text/plain")
                    {
                        text = value;
                    }
                    else if (type == "text/html")
                    {
                        html = value;
                    }
                }
            }
            else if (Text(root, "template_id") is null)
            {
                errors.Add("content: at least one part is required");
            }
        }
        catch (JsonException ex)
        {
            errors.Add($"body: not valid JSON ({ex.Message})");
        }

        if (injectedStatus is not null)
        {
            errors.Add($"sink: answering {injectedStatus} as a test asked (a simulated provider failure)");
        }

        var status = !authorized ? 401 : injectedStatus ?? (errors.Count > 0 ? 400 : 202);
        if (status != 202)
        {
            // Nothing would be delivered: the request is kept whole, as received, to show what was wrong with it.
            return
            [
                new RecordedMail(
                    nextSequence(), requestSequence, receivedAt, status, errors, headers, body, from,
                    [.. personalizations.SelectMany(p => p.To)], [.. personalizations.SelectMany(p => p.Cc)],
                    personalizations.Select(p => p.Subject).FirstOrDefault(s => s is not null) ?? subject,
                    Merge(customArgs, personalizations.Select(p => p.CustomArgs)), text, html),
            ];
        }

        return [.. personalizations.Select(p => new RecordedMail(
            nextSequence(), requestSequence, receivedAt, status, errors, headers, personalizations.Count == 1 ? body : p.Json, from, p.To, p.Cc,
            Substitute(p.Subject ?? subject, p.Substitutions), Merge(customArgs, [p.CustomArgs]),
            Substitute(text, p.Substitutions), Substitute(html, p.Substitutions)))];
    }

    /// <summary>
    /// SendGrid's substitutions: each tag replaced by its value wherever it occurs, in one pass, so a value that
    /// happens to contain another tag is not substituted again.
    /// </summary>
    private static string? Substitute(string? value, IReadOnlyDictionary<string, string> substitutions)
    {
        if (value is null || substitutions.Count == 0)
        {
            return value;
        }

        var tags = string.Join("|", substitutions.Keys.Where(k => k.Length > 0).OrderByDescending(k => k.Length).Select(Regex.Escape));
        return tags.Length == 0 ? value : Regex.Replace(value, tags, m => substitutions[m.Value], RegexOptions.CultureInvariant);
    }

    /// <summary>Personalization args override the top-level ones of the same name, as SendGrid merges them.</summary>
    private static Dictionary<string, string> Merge(Dictionary<string, string> topLevel, IEnumerable<IReadOnlyDictionary<string, string>> personal)
    {
        var merged = new Dictionary<string, string>(topLevel, StringComparer.Ordinal);
        foreach (var (name, value) in personal.SelectMany(p => p))
        {
            merged[name] = value;
        }

        return merged;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Addresses(JsonElement personalization, string name) =>
        personalization.ValueKind == JsonValueKind.Object && personalization.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(a => Text(a, "email")).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!)]
            : [];

    private static void ReadStrings(JsonElement element, string name, Dictionary<string, string> into)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var args) && args.ValueKind == JsonValueKind.Object)
        {
            foreach (var arg in args.EnumerateObject())
            {
                into[arg.Name] = arg.Value.ValueKind == JsonValueKind.String ? arg.Value.GetString()! : arg.Value.ToString();
            }
        }
    }

    private sealed record Personalization(
        List<string> To,
        List<string> Cc,
        string? Subject,
        IReadOnlyDictionary<string, string> Substitutions,
        IReadOnlyDictionary<string, string> CustomArgs,
        string Json)
    {
        public static Personalization Read(JsonElement p)
        {
            var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
            var customArgs = new Dictionary<string, string>(StringComparer.Ordinal);
            ReadStrings(p, "substitutions", substitutions);
            ReadStrings(p, "custom_args", customArgs);
            return new Personalization(Addresses(p, "to"), Addresses(p, "cc"), Text(p, "subject"), substitutions, customArgs, p.GetRawText());
        }
    }
}
