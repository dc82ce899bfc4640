using System.CommandLine;
using System.CommandLine.Help;
using Spectre.Console;
using Workflow.Cli.Api;
using Workflow.Cli.Commands;
using Workflow.Cli.Rendering;

namespace Workflow.Cli;

/// <summary>
/// Dispatches a command line: the offline plan verbs to <see cref="PlanCommands"/>, the others to the host's API
/// through one HttpClient, turning the host's problems and connection failures into Vietnamese messages.
/// </summary>
internal static class CliApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";
    public const string UrlVariable = "WORKFLOW_URL";
    public const string KeyVariable = "WORKFLOW_OPERATOR_KEY";

    public static IReadOnlyList<IOperatorCommand> Commands { get; } =
        [new StartCommand(), new AdvanceCommand(), new ListCommand(), new StatusCommand(), new ExtendCommand(), new DateCommand(), new QuotaCommand(), new AwardsCommand(), new ExportCommand(), new ConsolidateCommand(), new SnapshotsCommand(), new MailsCommand(), new RetryCommand(), new TemplateCommand(), new TerminateCommand(),
         new RelaysCommand(), new RelayPlanCommand(), new RollUpCommand(), new ForwardCommand(), new WhoAmICommand(), new OperatorsCommand()];

    public static Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, HttpMessageHandler handler, CancellationToken cancellationToken = default) =>
        RunAsync(args, ConsoleFactory.For(output), error, environment, handler, cancellationToken);

    /// <summary>Runs a command line; plain lines and --json go to the console's own writer, tables and live views through the console.</summary>
    public static async Task<int> RunAsync(
        string[] args, IAnsiConsole console, TextWriter error, Func<string, string?> environment, HttpMessageHandler handler, CancellationToken cancellationToken = default)
    {
        var output = console.Profile.Out.Writer;
        if (args.Length == 0)
        {
            error.WriteLine(Usage());
            return 2;
        }

        var root = CommandTree.Build(
            Commands,
            (command, arguments, token) => RunVerbAsync(command, arguments, console, error, environment, handler, token),
            plan => PlanCommands.Run(plan, output, error));
        var parse = root.Parse(args, CommandTree.Parsing);
        if (parse.CommandResult.Command is RootCommand)
        {
            if (args is ["help" or "--help" or "-h"])
            {
                output.WriteLine(Usage());
                return 0;
            }

            error.WriteLine($"✗ Lệnh không hợp lệ: {args[0]}");
            error.WriteLine(Usage());
            return 2;
        }

        var command = Commands.FirstOrDefault(c => c.Name == parse.CommandResult.Command.Name);
        if (root.Options.OfType<HelpOption>().Any(help => parse.GetResult(help) is not null))
        {
            output.WriteLine(command is null ? Usage() : $"workflow {command.Usage}\n  {command.Description}");
            return 0;
        }

        if (command is not null && CommandTree.Problem(parse) is { } wrong)
        {
            error.WriteLine($"✗ {wrong}");
            error.WriteLine($"  Cách dùng: workflow {command.Usage}");
            return 2;
        }

        // The offline plan tools have no IOperatorCommand: their parse errors are usage errors too.
        if (command is null && parse.Errors.Count > 0)
        {
            error.WriteLine($"✗ {CommandTree.Problem(parse) ?? parse.Errors[0].Message}");
            error.WriteLine(Usage());
            return 2;
        }

        // Ctrl-C cancels the token the verb gets; the tests' runs leave the process's handlers alone.
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    private static async Task<int> RunVerbAsync(
        IOperatorCommand command, ParsedArguments arguments, IAnsiConsole console, TextWriter error, Func<string, string?> environment, HttpMessageHandler handler, CancellationToken cancellationToken)
    {
        var (settings, problem) = ConnectionSettings.Resolve(arguments.Single("--url"), arguments.Single("--key"), environment);
        if (settings is null)
        {
            error.WriteLine($"✗ {problem}");
            return 2;
        }

        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = settings.BaseAddress };
        http.DefaultRequestHeaders.Add(OperatorClient.KeyHeader, settings.Key);
        var context = new CommandContext(new OperatorClient(http), console.Profile.Out.Writer, error, console);
        try
        {
            return await command.RunAsync(arguments, context, cancellationToken);
        }
        catch (ApiException e)
        {
            ProblemRenderer.Write(e.Problem, error);
            return 1;
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"✗ Không kết nối được tới máy chủ {settings.BaseAddress}: {e.Message}");
            error.WriteLine("  Máy chủ cục bộ đã chạy chưa? Địa chỉ đặt bằng --url hoặc biến môi trường WORKFLOW_URL.");
            return 1;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"✗ Máy chủ {settings.BaseAddress} không trả lời kịp thời.");
            return 1;
        }
    }

    public static string Usage()
    {
        var lines = new List<string>
        {
            "Cách dùng:",
            "  workflow validate <kế-hoạch.json>...   kiểm tra tệp kế hoạch, liệt kê mọi lỗi (không cần máy chủ)",
            "  workflow schedule <kế-hoạch.json>      in lịch hạn chót, nhắc hạn và đôn đốc (không cần máy chủ)",
            "  workflow plan import-units <đơn-vị.xlsx|.csv> --plan <kế-hoạch.json> [--out <tệp>] [--dry-run]",
            "      ghi danh sách đơn vị từ Excel/CSV vào tệp kế hoạch, liệt kê thay đổi trước (không cần máy chủ)",
        };
        lines.AddRange(Commands.Select(c => $"  workflow {c.Usage}\n      {c.Description}"));
        lines.Add("");
        lines.Add("Mỗi lệnh có --help; gợi ý hoàn thành lệnh: workflow [suggest] <đầu lệnh>.");
        lines.Add("");
        lines.Add($"Các lệnh gọi máy chủ nhận --url <địa chỉ> (mặc định {DefaultUrl}, hoặc biến {UrlVariable})");
        lines.Add($"và --key <khoá vận hành> (hoặc biến {KeyVariable}).");
        return string.Join('\n', lines);
    }
}
