namespace Workflow.Cli.Arguments;

/// <summary>
/// A small parser rather than a library, so that every message an operator sees is in Vietnamese.
/// Accepts <c>--name value</c> and <c>--name=value</c>; every option of the operator commands takes a value.
/// </summary>
internal static class ArgumentParser
{
    public static ArgumentResult Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowedOptions)
    {
        if (args.Count == 0)
        {
            return ArgumentResult.Fail("Thiếu lệnh.");
        }

        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (!allowedOptions.Contains(name))
            {
                return ArgumentResult.Fail($"Tuỳ chọn không hợp lệ cho lệnh «{args[0]}»: {name}");
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                return ArgumentResult.Fail($"Tuỳ chọn {name} cần một giá trị.");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                return ArgumentResult.Fail($"Tuỳ chọn {name} cần một giá trị.");
            }

            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }

            values.Add(value);
        }

        return ArgumentResult.Ok(new ParsedArguments(args[0], positionals,
            options.ToDictionary(o => o.Key, o => (IReadOnlyList<string>)o.Value, StringComparer.Ordinal)));
    }
}
