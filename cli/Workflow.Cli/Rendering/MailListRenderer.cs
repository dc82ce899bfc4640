using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>mails</c> view: one line per undelivered mail, with its last error beneath.</summary>
internal static class MailListRenderer
{
    public static void Write(string cycleId, IReadOnlyList<MailRow> mails, TextWriter output)
    {
        if (mails.Count == 0)
        {
            output.WriteLine($"Chu kỳ {cycleId} không có thư nào chưa gửi được.");
            return;
        }

        output.WriteLine($"{Text.Fit("Trạng thái", 22)} {Text.Fit("Ghi nhận", 16)} {Text.Fit("Lần thử", 7)} {Text.Fit("Gửi lại lúc", 16)} {Text.Fit("Người nhận", 32)} Mã thư");
        foreach (var mail in mails)
        {
            output.WriteLine($"{Text.Fit(mail.StateText, 22)} {Text.Fit(Text.Instant(mail.RecordedAt), 16)} {Text.Fit(mail.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), 7)} "
                + $"{Text.Fit(mail.NextAttemptAt is { } next ? Text.Instant(next) : "—", 16)} {Text.Fit(mail.Recipients, 32)} {mail.Key}");
            output.WriteLine($"    {mail.Subject}");
            if (!string.IsNullOrWhiteSpace(mail.LastError))
            {
                output.WriteLine($"    Lỗi gần nhất: {mail.LastError}");
            }
        }

        var failed = mails.Count(m => m.State == "failed");
        output.WriteLine($"{mails.Count} thư chưa gửi được, trong đó {failed} thất bại. Gửi lại: workflow mails {cycleId} --resend <mã-thư>");
    }
}
