using System.CommandLine;
using System.CommandLine.Parsing;
using Workflow.Cli.Commands;

namespace Workflow.Cli;

/// <summary>
/// The command line as System.CommandLine's tree: every verb with its options, --url and --key on all of them.
/// The verbs keep their own checks of what the values mean, so that every message an operator sees is in Vietnamese;
/// the library's own (English) parse errors are translated in <see cref="Problem"/>.
/// </summary>
internal static class CommandTree
{
    public static readonly string[] GlobalOptions = ["--url", "--key"];

    // "@file" is an ordinary argument here, as it always was: no response files.
    public static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private const string PositionalsName = "tham-số";

    public static RootCommand Build(
        IReadOnlyList<IOperatorCommand> commands,
        Func<IOperatorCommand, ParsedArguments, CancellationToken, Task<int>>? run = null,
        Func<string[], int>? plan = null)
    {
        var root = new RootCommand("workflow — công cụ vận hành kỳ báo cáo và khen thưởng");
        root.Options.Add(new Option<string>("--url") { Recursive = true, Description = $"địa chỉ máy chủ (mặc định {CliApp.DefaultUrl}, hoặc biến {CliApp.UrlVariable})" });
        root.Options.Add(new Option<string>("--key") { Recursive = true, Description = $"khoá vận hành (hoặc biến {CliApp.KeyVariable})" });

        foreach (var (name, description) in PlanVerbs)
        {
            var files = new Argument<string[]>("kế-hoạch.json") { Arity = ArgumentArity.ZeroOrMore };
            var verb = new Command(name, description) { files };
            if (plan is not null)
            {
                verb.SetAction(parse => plan([name, .. parse.GetValue(files) ?? []]));
            }

            root.Subcommands.Add(verb);
        }

        // workflow plan import-units: a unit list kept in Excel becomes the plan file's units, offline.
        var unitFile = new Argument<string>("tệp-đơn-vị") { Description = "danh sách đơn vị (.xlsx hoặc .csv theo mẫu)" };
        var planFile = new Option<string>("--plan") { Description = "tệp kế hoạch nhận danh sách đơn vị", Required = true };
        var outFile = new Option<string>("--out") { Description = "ghi kế hoạch mới ra tệp này (mặc định: ghi đè tệp --plan)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "chỉ liệt kê thay đổi, không ghi tệp" };
        var importUnits = new Command("import-units", "đọc danh sách đơn vị từ Excel/CSV, liệt kê thay đổi rồi ghi vào tệp kế hoạch (không cần máy chủ)")
        {
            unitFile, planFile, outFile, dryRun,
        };
        if (plan is not null)
        {
            importUnits.SetAction(parse => plan(["import-units", parse.GetValue(unitFile)!, parse.GetValue(planFile)!, parse.GetValue(outFile) ?? "", parse.GetValue(dryRun) ? "--dry-run" : ""]));
        }

        root.Subcommands.Add(new Command("plan", "công cụ tệp kế hoạch (không cần máy chủ)") { importUnits });

        foreach (var command in commands)
        {
            var verb = new Command(command.Name, command.Description) { new Argument<string[]>(PositionalsName) { Arity = ArgumentArity.ZeroOrMore } };
            foreach (var option in command.Options)
            {
                verb.Options.Add(new Option<string[]>(option) { AllowMultipleArgumentsPerToken = false });
            }

            foreach (var flag in command.Flags)
            {
                verb.Options.Add(new Option<bool>(flag));
            }

            if (run is not null)
            {
                verb.SetAction((parse, cancellationToken) => run(command, Read(parse), cancellationToken));
            }

            root.Subcommands.Add(verb);
        }

        return root;
    }

    public static IReadOnlyList<(string Name, string Description)> PlanVerbs { get; } =
    [
        ("validate", "kiểm tra tệp kế hoạch, liệt kê mọi lỗi (không cần máy chủ)"),
        ("schedule", "in lịch hạn chót, nhắc hạn và đôn đốc (không cần máy chủ)"),
    ];

    /// <summary>Parses one verb's command line without running it, as the tests of the verbs' own checks do.</summary>
    public static ParsedArguments ParseVerb(IOperatorCommand command, params string[] args) =>
        Read(Build([command]).Parse([command.Name, .. args], Parsing));

    /// <summary>The verb's positional arguments and option values, as the verbs read them.</summary>
    public static ParsedArguments Read(ParseResult parse)
    {
        var verb = parse.CommandResult;
        var positionals = verb.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).ToList();
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var result in verb.Children.Concat(parse.RootCommandResult.Children).OfType<OptionResult>())
        {
            if (result.Implicit)
            {
                continue;
            }

            options[result.Option.Name] = result.Option.ValueType == typeof(bool)
                ? (result.GetValueOrDefault<bool>() ? ["true"] : [])
                : [.. result.Tokens.Select(t => t.Value)];
        }

        foreach (var flag in options.Where(o => o.Value.Count == 0).Select(o => o.Key).ToList())
        {
            options.Remove(flag);
        }

        return new ParsedArguments(verb.Command.Name, positionals, options);
    }

    /// <summary>What is wrong with the command line, in Vietnamese; null when System.CommandLine and the old rules accept it.</summary>
    public static string? Problem(ParseResult parse)
    {
        var verb = parse.CommandResult.Command.Name;
        foreach (var error in parse.Errors)
        {
            if (error.SymbolResult is OptionResult option)
            {
                return $"Tuỳ chọn {option.Option.Name} cần một giá trị.";
            }
        }

        // An unknown "--name" lands among the positional arguments; "-x" stays one, as it always did.
        var arguments = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Concat(parse.UnmatchedTokens);
        if (arguments.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2) is { } unknown)
        {
            return $"Tuỳ chọn không hợp lệ cho lệnh «{verb}»: {unknown.Split('=')[0]}";
        }

        if (parse.Errors.Count > 0)
        {
            return parse.Errors[0].Message;
        }

        // "--reason --unit a": the library takes "--unit" as the reason; a value that is itself an option is a missing value, as it always was.
        var empty = parse.CommandResult.Children.OfType<OptionResult>()
            .FirstOrDefault(o => o.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value) || t.Value.StartsWith("--", StringComparison.Ordinal)));
        return empty is null ? null : $"Tuỳ chọn {empty.Option.Name} cần một giá trị.";
    }
}
