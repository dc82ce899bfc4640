using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>Prints a problem reported by the host: the message, then each field at fault.</summary>
internal static class ProblemRenderer
{
    public static void Write(Problem problem, TextWriter error)
    {
        var title = problem.Title ?? Fallback(problem.Status);
        error.WriteLine($"✗ {title} (HTTP {problem.Status})");
        if (!string.IsNullOrWhiteSpace(problem.Detail) && problem.Detail != title)
        {
            error.WriteLine($"  {problem.Detail}");
        }

        foreach (var field in problem.Errors)
        {
            error.WriteLine(string.IsNullOrEmpty(field.Field) ? $"  - {field.Message}" : $"  - {field.Field}: {field.Message}");
        }
    }

    private static string Fallback(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ.",
        401 => "Chưa xác thực: thiếu hoặc sai khoá vận hành (--key hoặc WORKFLOW_OPERATOR_KEY).",
        403 => "Không có quyền thực hiện thao tác này.",
        404 => "Không tìm thấy.",
        409 => "Xung đột: thao tác không thực hiện được ở trạng thái hiện tại.",
        413 => "Nội dung gửi lên quá lớn.",
        >= 500 => "Máy chủ gặp lỗi.",
        _ => "Máy chủ từ chối yêu cầu.",
    };
}
