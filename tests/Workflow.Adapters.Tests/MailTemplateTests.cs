using Workflow.Domain.Plans;
using Workflow.Email;
using Workflow.Email.Templates;

namespace Workflow.Adapters.Tests;

public sealed class MailTemplateTests
{
    private static readonly UploadLink Link = UploadLink.For("http://127.0.0.1:5080", "tok-yen-dung");
    private static readonly Deadline Nominations = Deadline.Before(new DateOnly(2024, 4, 1));
    private static readonly Deadline Report = Deadline.Before(new DateOnly(2024, 5, 1));

    [Fact]
    public void PlanNotice_ListsEveryDeadlineWithItsLastInstantAndTheUnitsLink()
    {
        var mail = MailTemplates.PlanNotice(new PlanNoticeMail(
            "Ban Chỉ đạo 138 huyện Yên Dũng", "45/KH-BCĐ", new DateOnly(2024, 2, 20), "Ban Chỉ đạo 138 tỉnh Bắc Giang",
            "sơ kết 10 năm thực hiện Chỉ thị 07", [new("Báo cáo sơ kết", Report), new("Hồ sơ đề nghị khen thưởng", Nominations)], Link));

        Assert.Equal("[Kế hoạch 45/KH-BCĐ] Thông báo kế hoạch: sơ kết 10 năm thực hiện Chỉ thị 07", mail.Subject);
        var lines = Lines(mail);
        Assert.Equal("Kính gửi: Ban Chỉ đạo 138 huyện Yên Dũng", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Thực hiện Kế hoạch số 45/KH-BCĐ ngày 20/02/2024 của Ban Chỉ đạo 138 tỉnh Bắc Giang", StringComparison.Ordinal));
        Assert.Contains("- Báo cáo sơ kết: trước ngày 01/05/2024 (thời điểm cuối cùng được nhận: 23:59:59 30/04/2024).", lines);
        Assert.Contains("- Hồ sơ đề nghị khen thưởng: trước ngày 01/04/2024 (thời điểm cuối cùng được nhận: 23:59:59 31/03/2024).", lines);
        Assert.Contains("Đường dẫn nộp hồ sơ của đơn vị: http://127.0.0.1:5080/u/tok-yen-dung", lines);
        Assert.Contains("<a href=\"http://127.0.0.1:5080/u/tok-yen-dung\">", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_SaysHowManyDaysAreLeft()
    {
        var mail = MailTemplates.Reminder(new ReminderMail("Sở Y tế", "45/KH-BCĐ", "Báo cáo sơ kết", Report, 7, Link));

        Assert.Equal("[Nhắc hạn] Báo cáo sơ kết – còn 7 ngày", mail.Subject);
        var lines = Lines(mail);
        Assert.Contains("Theo Kế hoạch số 45/KH-BCĐ, Báo cáo sơ kết phải gửi trước ngày 01/05/2024.", lines);
        Assert.Contains("Đến nay hệ thống chưa nhận được của quý đơn vị. Thời hạn còn 7 ngày; thời điểm cuối cùng được nhận: 23:59:59 30/04/2024.", lines);
        Assert.Contains("Đường dẫn nộp hồ sơ của đơn vị: http://127.0.0.1:5080/u/tok-yen-dung", lines);
    }

    [Fact]
    public void Chase_CountsDaysLateInVietnamCalendarDays()
    {
        // 01:00 UTC on 03/05 is 08:00 in Vietnam: three days after the last on-time day (30/04).
        var mail = MailTemplates.Chase(new ChaseMail("Sở Y tế", "45/KH-BCĐ", "Báo cáo sơ kết", Report, 2, Clock.Vietnam(2024, 5, 3, 8), Link));

        Assert.Equal("[Đôn đốc lần 2] Báo cáo sơ kết – chậm 3 ngày", mail.Subject);
        var lines = Lines(mail);
        Assert.Contains("Tính đến ngày 03/05/2024, quý đơn vị chưa gửi, chậm 3 ngày so với thời hạn.", lines);
        Assert.Contains("Đôn đốc lần 2: đề nghị quý đơn vị khẩn trương hoàn thành và gửi ngay.", lines);
        Assert.Contains("Đường dẫn nộp hồ sơ của đơn vị: http://127.0.0.1:5080/u/tok-yen-dung", lines);
    }

    [Fact]
    public void Escalation_NamesTheMemberTheUnitAndHowLate()
    {
        var mail = MailTemplates.Escalation(new EscalationMail(
            "Nguyễn Văn A", "UBND xã Tân An", "45/KH-BCĐ", "Báo cáo sơ kết", Report, 3, Clock.Vietnam(2024, 5, 7, 8), Link));

        Assert.Equal("[Báo cáo thành viên Ban Chỉ đạo] UBND xã Tân An chậm 7 ngày gửi «Báo cáo sơ kết»", mail.Subject);
        var lines = Lines(mail);
        Assert.Equal("Kính gửi: Đồng chí Nguyễn Văn A, thành viên Ban Chỉ đạo phụ trách địa bàn", lines[0]);
        Assert.Contains("Cơ quan thường trực Ban Chỉ đạo báo cáo: UBND xã Tân An chưa gửi Báo cáo sơ kết theo Kế hoạch số 45/KH-BCĐ (thời hạn: trước ngày 01/05/2024).", lines);
        Assert.Contains("Tính đến ngày 07/05/2024, đơn vị đã chậm 7 ngày và đã được đôn đốc 3 lần.", lines);
        Assert.Contains("Đường dẫn nộp hồ sơ của đơn vị (UBND xã Tân An): http://127.0.0.1:5080/u/tok-yen-dung", lines);
    }

    [Fact]
    public void Receipt_ShowsNumberServerTimeChecksumFileAndTimeliness()
    {
        var sha = new string('a', 64);
        var mail = MailTemplates.Receipt(new ReceiptMail(
            "Công an huyện Yên Dũng", "45/KH-BCĐ", "Hồ sơ đề nghị khen thưởng", "BG-2024-000123", Clock.Vietnam(2024, 3, 31, 23, 59, 59),
            "Tờ trình.pdf", 2048, sha, 2, Late: false, Nominations, Link));

        Assert.Equal("[Giấy biên nhận BG-2024-000123] Hồ sơ đề nghị khen thưởng", mail.Subject);
        var lines = Lines(mail);
        Assert.Contains("GIẤY BIÊN NHẬN HỒ SƠ", lines);
        Assert.Contains("Số biên nhận: BG-2024-000123", lines);
        Assert.Contains("Tên tệp: Tờ trình.pdf", lines);
        Assert.Contains("Dung lượng: 2048 byte", lines);
        Assert.Contains($"Mã kiểm tra SHA-256: {sha}", lines);
        Assert.Contains("Thời điểm nhận (giờ máy chủ): 23:59:59 31/03/2024", lines);
        Assert.Contains("Lần nộp: 2", lines);
        Assert.Contains("Tình trạng: Đúng hạn (thời hạn trước ngày 01/04/2024).", lines);
        Assert.Contains("Đường dẫn nộp hồ sơ của đơn vị: http://127.0.0.1:5080/u/tok-yen-dung", lines);

        var late = MailTemplates.Receipt(new ReceiptMail(
            "Sở Y tế", "45/KH-BCĐ", "Báo cáo sơ kết", "BG-2024-000124", Clock.Vietnam(2024, 5, 1), "bc.pdf", 1, sha, 1, Late: true, Report, Link));
        Assert.Contains("Tình trạng: Nộp muộn (thời hạn trước ngày 01/05/2024); hồ sơ được tiếp nhận và ghi nhận nộp muộn.", Lines(late));
    }

    [Fact]
    public void Rejection_QuotesTheDeadlineLastInstantAndServerArrival()
    {
        var mail = MailTemplates.Rejection(new RejectionMail(
            "Công an huyện Yên Dũng", "45/KH-BCĐ", "Hồ sơ đề nghị khen thưởng", ["Tờ trình.pdf"], Nominations, Clock.Vietnam(2024, 4, 1), Link));

        Assert.Equal("[Từ chối tiếp nhận] Hồ sơ đề nghị khen thưởng – quá thời hạn", mail.Subject);
        var lines = Lines(mail);
        Assert.Contains("THÔNG BÁO TỪ CHỐI TIẾP NHẬN HỒ SƠ", lines);
        Assert.Contains("Hệ thống không tiếp nhận tệp «Tờ trình.pdf» (Hồ sơ đề nghị khen thưởng, Kế hoạch số 45/KH-BCĐ) vì đã quá thời hạn.", lines);
        Assert.Contains("Thời hạn: trước ngày 01/04/2024", lines);
        Assert.Contains("Thời điểm cuối cùng được nhận: 23:59:59 31/03/2024", lines);
        Assert.Contains("Thời điểm tệp đến máy chủ: 00:00:00 01/04/2024", lines);
        Assert.Contains("Theo kế hoạch, quá thời hạn nêu trên sẽ không tiếp nhận hồ sơ. Lần gửi này đã được ghi vào nhật ký của hệ thống.", lines);
        Assert.Contains("Đường dẫn nộp hồ sơ của đơn vị: http://127.0.0.1:5080/u/tok-yen-dung", lines);
        Assert.Contains("Thời điểm tệp đến máy chủ: 00:00:00 01/04/2024", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_OfADossier_NamesEveryFileInOrder()
    {
        // A late dossier is refused whole, in one mail: the unit must learn that none of its files was taken.
        string[] files = ["Tờ trình.pdf", "Báo cáo thành tích.docx", "Biên bản họp xét.pdf", "Tóm tắt thành tích.xlsx"];
        var mail = MailTemplates.Rejection(new RejectionMail(
            "Ban Chỉ đạo huyện Lạng Giang", "45/KH-BCĐ", "Giấy khen của Giám đốc Công an tỉnh", files, Nominations, Clock.Vietnam(2024, 4, 1, 8), Link));

        var lines = Lines(mail);
        var first = Array.IndexOf(lines, "Hệ thống không tiếp nhận hồ sơ gồm 4 tệp (Giấy khen của Giám đốc Công an tỉnh, Kế hoạch số 45/KH-BCĐ) vì đã quá thời hạn:");
        Assert.True(first >= 0, mail.Text);
        Assert.Equal(["1. «Tờ trình.pdf»", "2. «Báo cáo thành tích.docx»", "3. «Biên bản họp xét.pdf»", "4. «Tóm tắt thành tích.xlsx»"], lines[(first + 1)..(first + 5)]);
        Assert.Equal("Thời hạn: trước ngày 01/04/2024", lines[first + 5]);
        Assert.Contains("Thời điểm hồ sơ đến máy chủ: 08:00:00 01/04/2024", lines);
        var html = files.Select(f => mail.Html.IndexOf($"«{f}»", StringComparison.Ordinal)).ToList();
        Assert.All(html, i => Assert.True(i >= 0, mail.Html));
        Assert.Equal(html.Order(), html);
    }

    [Fact]
    public void Milestone_RemindsTheOperatorsWithTheFiguresAndTheSnapshotToCite()
    {
        var conference = Deadline.Before(new DateOnly(2024, 8, 15));
        var link = new UploadLink("Bản tổng hợp", "http://127.0.0.1:7071/dashboard/#cycle=bg-2024&snapshot=20240808T010000Z-hoi-nghi");
        var mail = MailTemplates.Milestone(new MilestoneMail(
            "45/KH-BCĐ", "sơ kết 10 năm thực hiện Chỉ thị 07", "Hội nghị tổng kết cấp tỉnh", conference, 7, Clock.Vietnam(2024, 8, 8, 8),
            new CycleFigures(43, 30, 5, 3, 5), new SnapshotReference("20240808T010000Z-hoi-nghi", Clock.Vietnam(2024, 8, 8, 8)), link));

        Assert.Equal("[Nhắc mốc công việc] Hội nghị tổng kết cấp tỉnh – còn 7 ngày", mail.Subject);
        var lines = Lines(mail);
        Assert.Equal("Kính gửi: Cơ quan thường trực Ban Chỉ đạo", lines[0]);
        Assert.Contains("Theo Kế hoạch số 45/KH-BCĐ về sơ kết 10 năm thực hiện Chỉ thị 07, mốc công việc «Hội nghị tổng kết cấp tỉnh» phải hoàn thành trước ngày 15/08/2024.", lines);
        Assert.Contains("Thời hạn còn 7 ngày; thời điểm cuối cùng: 23:59:59 14/08/2024.", lines);
        Assert.Contains("Tình hình thu nhận báo cáo đến 08:00:00 08/08/2024:", lines);
        Assert.Contains("- Đã nộp đúng hạn: 30", lines);
        Assert.Contains("- Quá hạn, chưa nộp: 3", lines);
        Assert.Contains("Bản tổng hợp số liệu lập lúc 08:00:00 08/08/2024 (mã 20240808T010000Z-hoi-nghi) được lưu nguyên trạng để trích dẫn trong báo cáo: "
            + "http://127.0.0.1:7071/dashboard/#cycle=bg-2024&snapshot=20240808T010000Z-hoi-nghi", lines);
        Assert.Contains("<a href=\"http://127.0.0.1:7071/dashboard/#cycle=bg-2024&amp;snapshot=20240808T010000Z-hoi-nghi\">", mail.Html, StringComparison.Ordinal);

        var rehearsal = MailTemplates.Rehearsal(MailTemplates.Milestone(new MilestoneMail(
            "45/KH-BCĐ", "sơ kết", "Báo cáo Bộ Công an", Deadline.By(new DateOnly(2024, 8, 20)), 1, Clock.Vietnam(2024, 8, 19, 8),
            new CycleFigures(1, 0, 0, 0, 1), null, new UploadLink("Trang theo dõi kỳ báo cáo", "http://127.0.0.1:7071/dashboard/#cycle=bg-2024"))));
        Assert.Equal("[DIỄN TẬP] [Nhắc mốc công việc] Báo cáo Bộ Công an – còn 1 ngày", rehearsal.Subject);
        Assert.Contains("mốc công việc «Báo cáo Bộ Công an» phải hoàn thành chậm nhất ngày 20/08/2024.", rehearsal.Text, StringComparison.Ordinal);
        Assert.Contains("Kỳ báo cáo chưa có bản tổng hợp số liệu nào; có thể lập ngay (nút «Tổng hợp ngay») trên trang theo dõi: http://127.0.0.1:7071/dashboard/#cycle=bg-2024", rehearsal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_CountsTheUnitsProposals_AndARevision_NamesOnlyWhatChanged_WithoutACount()
    {
        NomineeVerdictLine[] lines = [new("Công an huyện Yên Dũng", true, []), new("Công an xã Tân An", false, ["Chỉ có 2 năm đạt «Đơn vị quyết thắng»"])];
        var verdict = MailTemplates.Verdict(new VerdictMail("Ban Chỉ đạo 138 huyện Yên Dũng", "45/KH-BCĐ", "Giấy khen của Giám đốc Công an tỉnh", lines, Link));
        Assert.Equal("[Kết quả xét khen thưởng] Giấy khen của Giám đốc Công an tỉnh – 1 đề nghị không đạt", verdict.Subject);
        Assert.Contains("Giấy khen của Giám đốc Công an tỉnh, Kế hoạch số 45/KH-BCĐ: 1/2 đề nghị của quý đơn vị đạt.", verdict.Text, StringComparison.Ordinal);

        var revised = MailTemplates.Verdict(new VerdictMail("Ban Chỉ đạo 138 huyện Yên Dũng", "45/KH-BCĐ", "Giấy khen của Giám đốc Công an tỉnh", [lines[1]], Link, Revised: true));
        Assert.Equal("[Cập nhật kết quả xét khen thưởng] Giấy khen của Giám đốc Công an tỉnh – 1 đề nghị không đạt", revised.Subject);
        Assert.Contains("CẬP NHẬT KẾT QUẢ XÉT ĐỀ NGHỊ KHEN THƯỞNG", revised.Text, StringComparison.Ordinal);
        Assert.Contains("kết quả của 1 đề nghị dưới đây đã thay đổi và thay cho kết quả đã báo trước đó.", revised.Text, StringComparison.Ordinal);
        Assert.Contains("1. Công an xã Tân An: không đạt – Chỉ có 2 năm đạt «Đơn vị quyết thắng»", revised.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Công an huyện Yên Dũng", revised.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("đề nghị của quý đơn vị đạt", revised.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EncodesWhatTheUnitTyped()
    {
        var mail = MailTemplates.Rejection(new RejectionMail("A", "1", "B", ["<script>.pdf"], Nominations, Clock.Vietnam(2024, 4, 1), Link));

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;.pdf", mail.Html, StringComparison.Ordinal);
    }

    private static string[] Lines(MailContent mail) => mail.Text.Split('\n');
}
