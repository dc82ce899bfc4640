using System.Text.Json;

namespace Workflow.MailSink;

/// <summary>Reads a SendGrid v3 mail/send body far enough to catch the mistakes a client can make.</summary>
internal static class SendGridRequest
{
    public static RecordedMail Parse(long sequence, DateTimeOffset receivedAt, IReadOnlyDictionary<string, string> headers, string body, bool authorized)
    {
        var errors = new List<string>();
        if (!authorized)
        {
            errors.Add("authorization: a Bearer API key is required");
        }

        string? from = null, subject = null, text = null, html = null;
        List<string> to = [], cc = [];
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
            ReadArgs(root, customArgs);
            if (!root.TryGetProperty("personalizations", out var ps) || ps.ValueKind != JsonValueKind.Array || ps.GetArrayLength() == 0)
            {
                errors.Add("personalizations: at least one is required");
            }
            else
            {
                var index = 0;
                foreach (var p in ps.EnumerateArray())
                {
                    var before = to.Count;
                    Addresses(p, "to", to);
                    Addresses(p, "cc", cc);
                    if (to.Count == before)
                    {
                        errors.Add($"personalizations.{index}.to: at least one recipient with an email is required");
                    }

                    subject ??= Text(p, "subject");
                    ReadArgs(p, customArgs);
                    index++;
                }
            }

            if (string.IsNullOrWhiteSpace(subject))
            {
                errors.Add("subject: required");
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

        var status = !authorized ? 401 : errors.Count > 0 ? 400 : 202;
        return new RecordedMail(sequence, receivedAt, status, errors, headers, body, from, to, cc, subject, customArgs, text, html);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Addresses(JsonElement personalization, string name, List<string> into)
    {
        if (personalization.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            into.AddRange(list.EnumerateArray().Select(a => Text(a, "email")).Where(e => !string.IsNullOrWhiteSpace(e))!);
        }
    }

    private static void ReadArgs(JsonElement element, Dictionary<string, string> into)
    {
        if (element.TryGetProperty("custom_args", out var args) && args.ValueKind == JsonValueKind.Object)
        {
            foreach (var arg in args.EnumerateObject())
            {
                into[arg.Name] = arg.Value.ToString();
            }
        }
    }
}
