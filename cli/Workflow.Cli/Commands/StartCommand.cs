using Workflow.Cli.Arguments;

namespace Workflow.Cli.Commands;

internal sealed class StartCommand : IOperatorCommand
{
    public string Name => "start";

    public string Usage => "start <kế-hoạch.json> [--id <mã-chu-kỳ>]";

    public string Description => "bắt đầu một chu kỳ từ tệp kế hoạch";

    public IReadOnlyCollection<string> Options { get; } = ["--id"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var file])
        {
            return context.UsageError(this, "Cần đúng một tệp kế hoạch.");
        }

        if (!File.Exists(file))
        {
            context.Error.WriteLine($"✗ {file}: không tìm thấy tệp.");
            return 1;
        }

        var started = await context.Api.StartAsync(await File.ReadAllTextAsync(file, cancellationToken), arguments.Single("--id"), cancellationToken);
        context.Output.WriteLine($"✓ Đã bắt đầu chu kỳ {started.Id} từ {Path.GetFileName(file)}.");
        context.Output.WriteLine($"  Theo dõi: workflow status {started.Id}");
        context.Output.WriteLine($"  Trang theo dõi: {new Uri(context.Api.BaseAddress, "dashboard/")}#cycle={Uri.EscapeDataString(started.Id)}");
        return 0;
    }
}
