namespace Workflow.Cli.Rendering;

/// <summary>Vietnamese names for the values the API returns as kebab-case identifiers.</summary>
internal static class Labels
{
    public static string RuntimeStatus(string? status) => status switch
    {
        "pending" => "Chờ bắt đầu",
        "running" => "Đang chạy",
        "completed" => "Đã kết thúc",
        "failed" => "Lỗi",
        "terminated" => "Đã dừng",
        "suspended" => "Tạm dừng",
        "continued-as-new" => "Đang chạy",
        null or "" => "—",
        _ => status,
    };

    /// <summary>How a rehearsal's clock runs: "từng bước", or "nhanh gấp 200.000 lần".</summary>
    public static string RehearsalMode(bool stepped, double speed) =>
        stepped
            ? "từng bước (thời gian đứng yên cho tới khi được chuyển tiếp)"
            : $"nhanh gấp {speed.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} lần thời gian thực";

    public static string LatePolicy(string? policy) => policy switch
    {
        "reject" => "nộp muộn bị từ chối",
        "accept-and-mark-late" => "nộp muộn được nhận, đánh dấu muộn",
        null => "",
        _ => policy,
    };

    public static string AwardLevel(string? level) => level switch
    {
        "minister-certificate" => "Bằng khen của Bộ trưởng Bộ Công an",
        "province-chair-certificate" => "Bằng khen của Chủ tịch UBND tỉnh",
        "police-director-certificate" => "Giấy khen của Giám đốc Công an tỉnh",
        "district-chair-certificate" => "Giấy khen của Chủ tịch UBND cấp huyện",
        "emulation-flag" => "Cờ thi đua",
        null => "",
        _ => level,
    };
}
