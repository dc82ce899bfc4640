namespace Workflow.Cli.Rendering;

/// <summary>Vietnamese names for the values the API returns as identifiers.</summary>
internal static class Labels
{
    public static string RuntimeStatus(string? status) => status switch
    {
        "Pending" => "Chờ bắt đầu",
        "Running" => "Đang chạy",
        "Completed" => "Đã kết thúc",
        "Failed" => "Lỗi",
        "Terminated" => "Đã dừng",
        "Suspended" => "Tạm dừng",
        null or "" => "—",
        _ => status,
    };

    public static string LatePolicy(string? policy) => policy switch
    {
        "Reject" or "reject" => "nộp muộn bị từ chối",
        "AcceptAndFlag" or "accept-and-flag" or "Accept" or "accept" => "nộp muộn được nhận, đánh dấu muộn",
        null or "" => "",
        _ => policy,
    };
}
