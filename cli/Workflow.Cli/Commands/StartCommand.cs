using System.Globalization;
using Workflow.Cli.Api;

namespace Workflow.Cli.Commands;

internal sealed class StartCommand : IOperatorCommand
{
    /// <summary>The host's bounds for a sliding rehearsal's speed.</summary>
    public const double MinSpeed = 1;
    public const double MaxSpeed = 10_000_000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public string Name => "start";

    public string Usage => "start <kế-hoạch.json> [--id <mã-chu-kỳ>] [--rehearsal step|<tốc-độ>] [--from \"dd/MM/yyyy[ HH:mm]\"]";

    public string Description =>
        "bắt đầu một chu kỳ từ tệp kế hoạch, đính kèm các tệp mẫu của biểu mẫu có trong thư mục cùng tên bên cạnh (ke-hoach.plan.json → ke-hoach/); --rehearsal chạy diễn tập: step = thời gian đứng yên, chuyển từng mốc bằng «workflow advance»; "
        + "một số (vd. 200000) = thời gian trôi nhanh gấp bấy nhiêu lần; --from = thời điểm bắt đầu diễn tập, giờ Việt Nam "
        + "(mặc định 08:00 ngày ban hành kế hoạch; chỉ ghi ngày thì là 08:00)";

    public IReadOnlyCollection<string> Options { get; } = ["--id", "--rehearsal", "--from"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        var (file, rehearsal, error) = Build(arguments);
        if (error is not null)
        {
            return context.UsageError(this, error);
        }

        if (!File.Exists(file))
        {
            context.Error.WriteLine($"✗ {file}: không tìm thấy tệp.");
            return 1;
        }

        var planJson = await File.ReadAllTextAsync(file!, cancellationToken);
        var (found, missing, folder) = PlanTemplateFiles.Find(file!, planJson);
        var templates = new List<(string Name, byte[] Content)>();
        foreach (var name in found)
        {
            templates.Add((name, await File.ReadAllBytesAsync(Path.Combine(folder, name), cancellationToken)));
        }

        var started = await context.Api.StartAsync(planJson, arguments.Single("--id"), rehearsal, templates, cancellationToken);
        context.Output.WriteLine($"✓ Đã bắt đầu chu kỳ {started.Id} từ {Path.GetFileName(file)}.");
        if (found.Count > 0)
        {
            context.Output.WriteLine($"  Đính kèm {found.Count} tệp mẫu từ {folder}: {string.Join(", ", found)}.");
        }

        if (missing.Count > 0)
        {
            context.Output.WriteLine($"  ! Chưa có tệp mẫu: {string.Join(", ", missing)} (đặt vào {folder}, hoặc đính kèm sau: workflow template {started.Id} <tệp>).");
        }
        if (rehearsal is not null)
        {
            context.Output.WriteLine($"  {Describe(rehearsal)}; mọi thư của đợt diễn tập được đánh dấu «[DIỄN TẬP]».");
            if (rehearsal.Mode == "step")
            {
                context.Output.WriteLine($"  Chuyển tới mốc kế tiếp: workflow advance {started.Id}");
            }
        }

        context.Output.WriteLine($"  Theo dõi: workflow status {started.Id}");
        context.Output.WriteLine($"  Trang theo dõi: {new Uri(context.Api.BaseAddress, "dashboard/")}#cycle={Uri.EscapeDataString(started.Id)}");
        return 0;
    }

    /// <summary>The plan file and the rehearsal asked for, or what is wrong with the command line.</summary>
    public static (string? File, RehearsalStart? Rehearsal, string? Error) Build(ParsedArguments arguments)
    {
        if (arguments.Positionals is [_, var stray] && arguments.Has("--from") && BusinessInstant.IsStrayTime(stray))
        {
            return (null, null, BusinessInstant.Unquoted("--from"));
        }

        if (arguments.Positionals is not [var file])
        {
            return (null, null, "Cần đúng một tệp kế hoạch.");
        }

        DateTimeOffset? from = null;
        if (arguments.Single("--from") is { } fromText)
        {
            from = BusinessInstant.Parse(fromText);
            if (from is null)
            {
                return (file, null, BusinessInstant.Invalid("--from", fromText));
            }
        }

        if (arguments.Single("--rehearsal") is not { } mode)
        {
            return from is null
                ? (file, null, null)
                : (file, null, "Chỉ đợt diễn tập mới bắt đầu từ một thời điểm khác hiện tại: thêm --rehearsal step hoặc --rehearsal <tốc-độ>.");
        }

        if (string.Equals(mode, "step", StringComparison.OrdinalIgnoreCase))
        {
            return (file, new RehearsalStart("step", from), null);
        }

        if (!double.TryParse(mode, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var speed) || speed is < MinSpeed or > MaxSpeed)
        {
            return (file, null, $"Diễn tập không hợp lệ: «{mode}» (ghi «step» để chuyển từng mốc, hoặc tốc độ từ 1 đến 10000000 lần thời gian thực, ví dụ 200000).");
        }

        return (file, new RehearsalStart(speed.ToString(CultureInfo.InvariantCulture), from), null);
    }

    public static string Describe(RehearsalStart rehearsal)
    {
        var from = rehearsal.From is { } at ? $"từ {Rendering.Text.Instant(at)}" : "từ 08:00 ngày ban hành kế hoạch";
        return rehearsal.Mode == "step"
            ? $"Diễn tập từng bước {from}: thời gian của chu kỳ đứng yên cho tới khi được chuyển tiếp"
            : $"Diễn tập nhanh gấp {double.Parse(rehearsal.Mode, CultureInfo.InvariantCulture).ToString("N0", Vietnamese)} lần thời gian thực {from}";
    }
}
