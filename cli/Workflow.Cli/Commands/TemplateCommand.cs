namespace Workflow.Cli.Commands;

/// <summary>Attaches (or replaces) template files of a running cycle's forms, each under its own file name.</summary>
internal sealed class TemplateCommand : IOperatorCommand
{
    public string Name => "template";

    public string Usage => "template <mã-chu-kỳ> <tệp-mẫu>...";

    public string Description =>
        "đính kèm (hoặc thay) tệp mẫu của biểu mẫu cho chu kỳ; tên tệp phải đúng tên kế hoạch khai báo (forms[].templates[].file)";

    public IReadOnlyCollection<string> Options { get; } = [];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals.Count < 2)
        {
            return context.UsageError(this, "Cần mã chu kỳ và ít nhất một tệp mẫu.");
        }

        var id = arguments.Positionals[0];
        var files = arguments.Positionals.Skip(1).ToList();

        if (files.FirstOrDefault(f => !File.Exists(f)) is { } absent)
        {
            context.Error.WriteLine($"✗ {absent}: không tìm thấy tệp.");
            return 1;
        }

        foreach (var file in files)
        {
            var attached = await context.Api.AttachTemplateAsync(id, Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken), cancellationToken);
            context.Output.WriteLine($"✓ Đã đính kèm tệp mẫu {attached.File}{(attached.FormTitle is { } form ? $" ({form})" : "")} cho chu kỳ {id}.");
        }

        return 0;
    }
}
