using System.Globalization;

namespace Workflow.Cli.Commands;

internal sealed class ExportCommand : IOperatorCommand
{
    public string Name => "export";

    public string Usage => "export <mã-chu-kỳ> [--snapshot <mã-bản-tổng-hợp>] [--out <thư-mục>]";

    public string Description => "tải mọi tệp tổng hợp (CSV, Excel) của chu kỳ, hoặc của một bản tổng hợp (--snapshot); mặc định vào exports/<mã-chu-kỳ>[/<mã-bản>]";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public IReadOnlyCollection<string> Options { get; } = ["--out", "--snapshot"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        var snapshot = arguments.Single("--snapshot");
        var exports = snapshot is null ? await context.Api.ExportsAsync(id, cancellationToken) : (await context.Api.SnapshotAsync(id, snapshot, cancellationToken)).Exports;
        if (exports.Count == 0)
        {
            context.Output.WriteLine($"Chu kỳ {id} chưa có tệp tổng hợp nào (tệp được tạo khi tổng hợp xong; tổng hợp ngay: workflow consolidate {id}).");
            return 0;
        }

        var folder = Path.GetFullPath(arguments.Single("--out") ?? (snapshot is null ? Path.Combine("exports", id) : Path.Combine("exports", id, SafeFileName(snapshot))));
        Directory.CreateDirectory(folder);
        foreach (var export in exports)
        {
            var path = Path.Combine(folder, SafeFileName(export.Name));
            await using (var file = File.Create(path))
            {
                await context.Api.DownloadAsync(export, file, cancellationToken);
            }

            context.Output.WriteLine($"  ✓ {Path.GetFileName(path)} ({new FileInfo(path).Length.ToString("N0", Vietnamese)} byte)");
        }

        context.Output.WriteLine($"✓ Đã tải {exports.Count} tệp vào {folder}");
        return 0;
    }

    /// <summary>An export name may carry the cycle's folder ("bg/tong-hop.xlsx"); only its last part is used, never a path.</summary>
    public static string SafeFileName(string name)
    {
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var invalid = Path.GetInvalidFileNameChars();
        var clean = new string([.. last.Where(c => !char.IsControl(c) && !invalid.Contains(c))]);
        return clean is "" or "." or ".." ? "tep-tong-hop" : clean;
    }
}
