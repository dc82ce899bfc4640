namespace Workflow.Email.Templates;

/// <summary>
/// The formal Vietnamese e-mails of a cycle. Dates are dd/MM/yyyy and times HH:mm:ss in Vietnam time, from the
/// domain's <see cref="VietnamTime"/>; deadlines are quoted with their own wording ("trước ngày 01/04/2024").
/// </summary>
public static class MailTemplates
{
    private const string Signature = "Trân trọng./.\nCơ quan thường trực Ban Chỉ đạo 138";

    private const string ServerClockNote = "Thời điểm nhận hồ sơ được tính theo đồng hồ của máy chủ, giờ Việt Nam (UTC+7).";

    public static MailContent PlanNotice(PlanNoticeMail m)
    {
        var items = string.Join("\n", m.Items.Select(i => $"- {i.Title}: {i.Deadline.Describe()} (thời điểm cuối cùng được nhận: {LastAccepted(i.Deadline)})."
            + string.Concat(i.Templates.Select(t => $"\n  + {t.FormTitle}, {t.Title} ({t.FileName}): "
                + (t.Url is { } url ? $"tải tệp mẫu tại {url}" : "tệp mẫu chưa được đính kèm; khi có sẽ tải được trên trang nộp hồ sơ của đơn vị.")))));
        var text = $"""
            Kính gửi: {m.UnitName}

            Thực hiện Kế hoạch số {m.PlanNumber} ngày {VietnamTime.FormatDate(m.IssuedOn)} của {m.Issuer} về {m.PlanTitle}, cơ quan thường trực Ban Chỉ đạo đề nghị quý đơn vị triển khai thực hiện và gửi kết quả theo các thời hạn sau:
            {items}

            {m.Link.Text}: {m.Link.Url}
            Đường dẫn này chỉ dùng cho {m.UnitName}, đề nghị không chuyển cho đơn vị khác.

            {ServerClockNote}

            {Signature}
            """;
        return Render($"[Kế hoạch {m.PlanNumber}] Thông báo kế hoạch: {m.PlanTitle}", text, m.Link, m.Items.SelectMany(i => i.Templates).Select(t => t.Url).OfType<string>());
    }

    public static MailContent Reminder(ReminderMail m)
    {
        var text = $"""
            Kính gửi: {m.UnitName}

            Theo Kế hoạch số {m.PlanNumber}, {m.DeliverableTitle} phải gửi {m.Deadline.Describe()}.
            Đến nay hệ thống chưa nhận được của quý đơn vị. Thời hạn còn {m.DaysLeft} ngày; thời điểm cuối cùng được nhận: {LastAccepted(m.Deadline)}.

            Đề nghị quý đơn vị hoàn thành và gửi đúng thời hạn.
            {m.Link.Text}: {m.Link.Url}

            {ServerClockNote}

            {Signature}
            """;
        return Render($"[Nhắc hạn] {m.DeliverableTitle} – còn {m.DaysLeft} ngày", text, m.Link);
    }

    public static MailContent Chase(ChaseMail m)
    {
        var daysLate = DaysLate(m.Deadline, m.AsOf);
        var text = $"""
            Kính gửi: {m.UnitName}

            Theo Kế hoạch số {m.PlanNumber}, {m.DeliverableTitle} phải gửi {m.Deadline.Describe()}.
            Tính đến ngày {VietnamTime.FormatDate(m.AsOf)}, quý đơn vị chưa gửi, chậm {daysLate} ngày so với thời hạn.

            Đôn đốc lần {m.ChaseNumber}: đề nghị quý đơn vị khẩn trương hoàn thành và gửi ngay.
            {m.Link.Text}: {m.Link.Url}

            {Signature}
            """;
        return Render($"[Đôn đốc lần {m.ChaseNumber}] {m.DeliverableTitle} – chậm {daysLate} ngày", text, m.Link);
    }

    public static MailContent Escalation(EscalationMail m)
    {
        var daysLate = DaysLate(m.Deadline, m.AsOf);
        var text = $"""
            Kính gửi: Đồng chí {m.MemberName}, thành viên Ban Chỉ đạo phụ trách địa bàn
            Đồng gửi: {m.UnitName}

            Cơ quan thường trực Ban Chỉ đạo báo cáo: {m.UnitName} chưa gửi {m.DeliverableTitle} theo Kế hoạch số {m.PlanNumber} (thời hạn: {m.Deadline.Describe()}).
            Tính đến ngày {VietnamTime.FormatDate(m.AsOf)}, đơn vị đã chậm {daysLate} ngày và đã được đôn đốc {m.ChasesSent} lần.

            Kính đề nghị đồng chí chỉ đạo đơn vị khẩn trương hoàn thành và gửi.
            {m.Link.Text} ({m.UnitName}): {m.Link.Url}

            {Signature}
            """;
        return Render($"[Báo cáo thành viên Ban Chỉ đạo] {m.UnitName} chậm {daysLate} ngày gửi «{m.DeliverableTitle}»", text, m.Link);
    }

    public static MailContent Receipt(ReceiptMail m)
    {
        var timeliness = m.Late
            ? $"Nộp muộn (thời hạn {m.Deadline.Describe()}); hồ sơ được tiếp nhận và ghi nhận nộp muộn."
            : $"Đúng hạn (thời hạn {m.Deadline.Describe()}).";
        // A report with filled forms lists every file with what it is; a single file keeps its own lines.
        var files = m.Files.Count == 0
            ? $"""
                Tên tệp: {m.FileName}
                Dung lượng: {m.Size} byte
                Mã kiểm tra SHA-256: {m.Sha256}
                """
            : "Các tệp đã nhận:\n" + string.Join("\n", m.Files.Select(f => $"- {f.Label}: {f.FileName} ({f.Size} byte, số biên nhận {f.ReceiptNumber}, SHA-256 {f.Sha256})"));
        var text = $"""
            Kính gửi: {m.UnitName}

            GIẤY BIÊN NHẬN HỒ SƠ
            Số biên nhận: {m.ReceiptNumber}
            Kế hoạch: số {m.PlanNumber}
            Nội dung: {m.SubjectTitle}
            {files}
            Thời điểm nhận (giờ máy chủ): {VietnamTime.FormatDateTime(m.ReceivedAt)}
            Lần nộp: {m.Version}
            Tình trạng: {timeliness}

            Hồ sơ đã nộp được lưu nguyên trạng và không bị ghi đè; nếu nộp lại trong thời hạn, hệ thống lưu thành lần nộp mới và lấy lần nộp đúng hạn sau cùng.
            {m.Link.Text}: {m.Link.Url}

            {Signature}
            """;
        return Render($"[Giấy biên nhận {m.ReceiptNumber}] {m.SubjectTitle}", text, m.Link);
    }

    /// <summary>The round's verdict on a proposer's nominees: refusals are mailed at every level, each with its reasons.</summary>
    public static MailContent Verdict(VerdictMail m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var lines = string.Join("\n", m.Nominees.Select((n, i) => n.Accepted
            ? $"{i + 1}. {n.Name}: đạt."
            : $"{i + 1}. {n.Name}: không đạt – {string.Join("; ", n.Reasons)}"));
        var refused = m.Nominees.Count(n => !n.Accepted);
        // A revision names only the nominees whose verdict changed, so it gives no count of the unit's proposals.
        var heading = m.Revised
            ? $"""
              CẬP NHẬT KẾT QUẢ XÉT ĐỀ NGHỊ KHEN THƯỞNG
              {m.RoundTitle}, Kế hoạch số {m.PlanNumber}: sau khi cơ quan thường trực xác minh thành tích, kết quả của {m.Nominees.Count} đề nghị dưới đây đã thay đổi và thay cho kết quả đã báo trước đó.
              """
            : $"""
              KẾT QUẢ XÉT ĐỀ NGHỊ KHEN THƯỞNG
              {m.RoundTitle}, Kế hoạch số {m.PlanNumber}: {m.Nominees.Count - refused}/{m.Nominees.Count} đề nghị của quý đơn vị đạt.
              """;
        var text = $"""
            Kính gửi: {m.UnitName}

            {heading}
            {lines}

            Kết quả này đã được ghi vào hệ thống.
            {m.Link.Text}: {m.Link.Url}

            {Signature}
            """;
        var subject = m.Revised ? $"[Cập nhật kết quả xét khen thưởng] {m.RoundTitle}" : $"[Kết quả xét khen thưởng] {m.RoundTitle}";
        return Render(subject + (refused > 0 ? $" – {refused} đề nghị không đạt" : ""), text, m.Link);
    }

    public static MailContent Rejection(RejectionMail m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var about = $"{m.SubjectTitle}, Kế hoạch số {m.PlanNumber}";
        // A dossier is refused whole: the unit must see every file that was not taken, not just the first.
        var refused = m.FileNames.Count == 1
            ? $"Hệ thống không tiếp nhận tệp «{m.FileNames[0]}» ({about}) vì đã quá thời hạn."
            : m.FileNames.Count == 0
                ? $"Hệ thống không tiếp nhận hồ sơ ({about}) vì đã quá thời hạn."
                : $"Hệ thống không tiếp nhận hồ sơ gồm {m.FileNames.Count} tệp ({about}) vì đã quá thời hạn:\n"
                    + string.Join("\n", m.FileNames.Select((name, i) => $"{i + 1}. «{name}»"));
        var arrived = m.FileNames.Count == 1 ? "tệp" : "hồ sơ";
        var text = $"""
            Kính gửi: {m.UnitName}

            THÔNG BÁO TỪ CHỐI TIẾP NHẬN HỒ SƠ
            {refused}
            Thời hạn: {m.Deadline.Describe()}
            Thời điểm cuối cùng được nhận: {LastAccepted(m.Deadline)}
            Thời điểm {arrived} đến máy chủ: {VietnamTime.FormatDateTime(m.ReceivedAt)}

            Theo kế hoạch, quá thời hạn nêu trên sẽ không tiếp nhận hồ sơ. Lần gửi này đã được ghi vào nhật ký của hệ thống.
            {m.Link.Text}: {m.Link.Url}

            {ServerClockNote}

            {Signature}
            """;
        return Render($"[Từ chối tiếp nhận] {m.SubjectTitle} – quá thời hạn", text, m.Link);
    }

    public static MailContent Milestone(MilestoneMail m)
    {
        var f = m.Figures;
        var snapshot = m.Snapshot is { } s
            ? $"Bản tổng hợp số liệu lập lúc {VietnamTime.FormatDateTime(s.At)} (mã {s.Id}) được lưu nguyên trạng để trích dẫn trong báo cáo"
            : "Kỳ báo cáo chưa có bản tổng hợp số liệu nào; có thể lập ngay (nút «Tổng hợp ngay») trên trang theo dõi";
        var text = $"""
            Kính gửi: Cơ quan thường trực Ban Chỉ đạo

            Theo Kế hoạch số {m.PlanNumber} về {m.PlanTitle}, mốc công việc «{m.MilestoneTitle}» phải hoàn thành {m.Deadline.Describe()}.
            Thời hạn còn {m.DaysLeft} ngày; thời điểm cuối cùng: {LastAccepted(m.Deadline)}.

            Tình hình thu nhận báo cáo đến {VietnamTime.FormatDateTime(m.AsOf)}:
            - Phải nộp: {f.Expected}
            - Đã nộp đúng hạn: {f.OnTime}
            - Nộp muộn: {f.Late}
            - Quá hạn, chưa nộp: {f.Missing}
            - Chưa nộp (còn hạn): {f.Pending}

            {snapshot}: {m.Link.Url}

            {Signature}
            """;
        return Render($"[Nhắc mốc công việc] {m.MilestoneTitle} – còn {m.DaysLeft} ngày", text, m.Link);
    }

    public const string RehearsalNotice = "THƯ DIỄN TẬP: thư này thuộc một đợt diễn tập quy trình, không phải văn bản chính thức; đơn vị không cần thực hiện.";

    /// <summary>A rehearsal's mail: marked in the subject and before the first line of both parts.</summary>
    public static MailContent Rehearsal(MailContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = content.Html.IndexOf("<p>", StringComparison.Ordinal);
        var html = body < 0 ? content.Html : content.Html.Insert(body, $"<p><strong>{RehearsalNotice}</strong></p>");
        return new MailContent($"[DIỄN TẬP] {content.Subject}", $"{RehearsalNotice}\n\n{content.Text}", html);
    }

    private static string LastAccepted(Deadline deadline) => VietnamTime.FormatDateTime(DeadlineEvaluator.Vietnam.LastAcceptedInstant(deadline));

    /// <summary>Calendar days past the last on-time day, in Vietnam time: the morning after the deadline is 1 day late.</summary>
    private static int DaysLate(Deadline deadline, DateTimeOffset asOf) =>
        Math.Max(0, VietnamTime.LocalDay(asOf, VietnamTime.Zone).DayNumber - deadline.LastDay!.Value.DayNumber);

    private static MailContent Render(string subject, string text, UploadLink link, IEnumerable<string>? downloads = null)
    {
        var normalised = text.ReplaceLineEndings("\n");
        return new MailContent(subject, normalised, MailHtml.From(normalised, link, downloads));
    }
}
