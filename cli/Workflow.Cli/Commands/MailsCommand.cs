using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

internal sealed class MailsCommand : IOperatorCommand
{
    public string Name => "mails";

    public string Usage => "mails <mã-chu-kỳ> [--state pending|failed] [--resend <mã-thư>]";

    public string Description => "liệt kê thư chưa gửi được (chờ gửi lại, chưa xác nhận, thất bại); --resend gửi lại một thư";

    public IReadOnlyCollection<string> Flags { get; } = ["--json"];

    public IReadOnlyCollection<string> Options { get; } = ["--state", "--resend"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        var state = arguments.Single("--state");
        if (state is not (null or "pending" or "failed"))
        {
            return context.UsageError(this, $"Trạng thái «{state}» không hợp lệ; dùng pending hoặc failed.");
        }

        if (arguments.Has("--json"))
        {
            return JsonOutput.Write(await context.Api.GetJsonAsync($"{OperatorClient.CyclePath(id)}/mails" + (state is null ? "" : $"?state={Uri.EscapeDataString(state)}"), cancellationToken), context.Output);
        }

        if (arguments.Single("--resend") is { } key)
        {
            var row = await context.Api.ResendMailAsync(id, key, cancellationToken);
            context.Output.WriteLine($"✓ Đã yêu cầu gửi lại thư {row.Key} tới {row.Recipients} ({row.StateText.ToLowerInvariant()}).");
            return 0;
        }

        MailListRenderer.Write(id, await context.Api.MailsAsync(id, state, cancellationToken), context.Output);
        return 0;
    }
}
