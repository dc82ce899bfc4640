using System.Net.Mail;

namespace Workflow.Domain.Validation;

/// <summary>
/// Checks a plan as a whole and reports every error at once, each with the JSON path of the field at fault and
/// a Vietnamese message an operator can act on. A plan with any error is refused.
/// </summary>
public static class PlanValidator
{
    public static IReadOnlyList<PlanError> Validate(Plan plan)
    {
        var context = new Context(plan);
        context.CheckIdentity();
        context.CheckBlocksMembersUnits();
        context.CheckReminders();
        for (var i = 0; i < plan.Deliverables.Count; i++)
        {
            context.CheckDeliverable(plan.Deliverables[i], $"$.deliverables[{i}]");
        }

        context.CheckPeriods();
        context.CheckUniqueDeliverableIds();
        context.CheckScales();
        context.CheckRounds();
        context.CheckTargets();
        context.CheckMilestones();
        return context.Errors;
    }

    private sealed class Context(Plan plan)
    {
        private readonly HashSet<string> _blocks = [.. plan.Blocks.Select(b => b.Id)];
        private readonly HashSet<string> _members = [.. plan.Members.Select(m => m.Id)];
        private readonly Dictionary<string, Unit> _units = plan.Units.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<string, Unit> _tree = plan.AllUnits().GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly TimeZoneInfo? _zone = VietnamTime.Resolve(plan.TimeZone);

        public List<PlanError> Errors { get; } = [];

        private void Add(string path, string message) => Errors.Add(new PlanError(path, message));

        public void CheckIdentity()
        {
            Required(plan.Id, "$.id", "mã kế hoạch");
            Required(plan.Number, "$.number", "số kế hoạch");
            Required(plan.Issuer, "$.issuer", "cơ quan ban hành");
            Required(plan.Title, "$.title", "trích yếu");
            if (plan.DataPeriod.From > plan.DataPeriod.To)
            {
                Add("$.dataPeriod", $"Mốc số liệu không hợp lệ: ngày bắt đầu {Day(plan.DataPeriod.From)} sau ngày kết thúc {Day(plan.DataPeriod.To)}.");
            }

            if (plan.ClosesOn < plan.IssuedOn)
            {
                Add("$.closesOn", $"Ngày kết thúc kế hoạch {Day(plan.ClosesOn)} trước ngày ban hành {Day(plan.IssuedOn)}.");
            }

            if (_zone is null)
            {
                Add("$.timeZone", $"Múi giờ «{plan.TimeZone}» không tồn tại; dùng «{VietnamTime.ZoneId}».");
            }
        }

        public void CheckBlocksMembersUnits()
        {
            Unique(plan.Blocks.Select(b => b.Id), "$.blocks", "khối");
            Unique(plan.Members.Select(m => m.Id), "$.members", "thành viên Ban Chỉ đạo");
            // Ids are unique across the whole tree: a sub-cycle, a scope or an operator names a unit by its id alone.
            Unique(plan.AllUnits().Select(u => u.Id), "$.units", "đơn vị");
            for (var i = 0; i < plan.Members.Count; i++)
            {
                Email(plan.Members[i].Email, $"$.members[{i}].email");
            }

            if (plan.Units.Count == 0)
            {
                Add("$.units", "Kế hoạch chưa có đơn vị nào.");
            }

            CheckUnits(plan.Units, "$.units");
        }

        private void CheckUnits(IReadOnlyList<Unit> units, string at)
        {
            for (var i = 0; i < units.Count; i++)
            {
                var unit = units[i];
                var path = $"{at}[{i}]";
                Required(unit.Id, $"{path}.id", "mã đơn vị");
                Required(unit.Name, $"{path}.name", "tên đơn vị");
                if (!_blocks.Contains(unit.Block))
                {
                    Add($"{path}.block", $"Khối «{unit.Block}» của đơn vị «{unit.Name}» không có trong danh sách khối.");
                }

                if (unit.Emails.Count == 0)
                {
                    Add($"{path}.emails", $"Đơn vị «{unit.Name}» chưa có địa chỉ thư điện tử.");
                }

                for (var e = 0; e < unit.Emails.Count; e++)
                {
                    Email(unit.Emails[e], $"{path}.emails[{e}]");
                }

                if (unit.Supervisor is { } supervisor && !_members.Contains(supervisor))
                {
                    Add($"{path}.supervisor", $"Thành viên phụ trách «{supervisor}» không có trong danh sách thành viên Ban Chỉ đạo.");
                }

                if (unit.ManagedBy is { } manager && (!_tree.ContainsKey(manager) || manager == unit.Id))
                {
                    Add($"{path}.managedBy", manager == unit.Id
                        ? "Đơn vị không thể tự quản lý chính mình."
                        : $"Đơn vị quản lý «{manager}» không có trong danh sách đơn vị.");
                }

                CheckUnits(unit.Units, $"{path}.units");
            }
        }

        public void CheckReminders()
        {
            var reminders = plan.Reminders;
            for (var i = 0; i < reminders.DaysBefore.Count; i++)
            {
                if (reminders.DaysBefore[i] <= 0)
                {
                    Add($"$.reminders.daysBefore[{i}]", $"Mốc nhắc {reminders.DaysBefore[i]} ngày rơi vào hoặc sau hạn chót; mốc nhắc phải trước hạn ít nhất 1 ngày.");
                }
            }

            if (reminders.DaysBefore.Distinct().Count() != reminders.DaysBefore.Count)
            {
                Add("$.reminders.daysBefore", "Mốc nhắc bị trùng.");
            }

            if (reminders.Chase.EveryDays < 1)
            {
                Add("$.reminders.chase.everyDays", "Khoảng cách giữa hai lần đôn đốc phải từ 1 ngày trở lên.");
            }

            if (reminders.Chase.MaxCount < 0)
            {
                Add("$.reminders.chase.maxCount", "Số lần đôn đốc không được âm.");
            }

            if (reminders.EscalateAfterChases < 0 || reminders.EscalateAfterChases > 0 && reminders.EscalateAfterChases >= reminders.Chase.MaxCount)
            {
                Add("$.reminders.escalateAfterChases",
                    $"Báo cáo thành viên phụ trách sau {reminders.EscalateAfterChases} lần đôn đốc nhưng chỉ đôn đốc tối đa {reminders.Chase.MaxCount} lần: sẽ không bao giờ báo cáo.");
            }
        }

        public void CheckDeliverable(Deliverable deliverable, string path)
        {
            Required(deliverable.Id, $"{path}.id", "mã nội dung phải nộp");
            Required(deliverable.Title, $"{path}.title", "tên nội dung phải nộp");
            CheckScope(deliverable.AppliesTo, $"{path}.appliesTo", requireSome: true);
            CheckDeadline(deliverable.Deadline, $"{path}.deadline");
            Unique(deliverable.Forms.Select(f => f.Id), $"{path}.forms", "biểu mẫu");
            CheckOutline(deliverable.Outline, $"{path}.outline");
            for (var f = 0; f < deliverable.Forms.Count; f++)
            {
                CheckForm(deliverable, deliverable.Forms[f], $"{path}.forms[{f}]");
            }
        }

        /// <summary>A form with no fields is a file-only form; its scope must fall within the deliverable's.</summary>
        private void CheckForm(Deliverable deliverable, StatisticalForm form, string path)
        {
            Unique(form.Fields.Select(x => x.Id), $"{path}.fields", "chỉ tiêu");
            Unique(form.Templates.Select(t => t.File), $"{path}.templates", "tệp mẫu");
            for (var t = 0; t < form.Templates.Count; t++)
            {
                Required(form.Templates[t].Title, $"{path}.templates[{t}].title", "tên tệp mẫu");
                if (string.IsNullOrWhiteSpace(form.Templates[t].File) || form.Templates[t].File.IndexOfAny(['/', '\\']) >= 0 || form.Templates[t].File.Contains("..", StringComparison.Ordinal))
                {
                    Add($"{path}.templates[{t}].file", $"Tên tệp mẫu «{form.Templates[t].File}» không hợp lệ: chỉ ghi tên tệp, không ghi thư mục.");
                }
            }

            if (form.AppliesTo is { } scope)
            {
                CheckScope(scope, $"{path}.appliesTo", requireSome: false);
                if (!deliverable.AppliesTo.Select(plan.Units).Any(scope.Includes))
                {
                    Add($"{path}.appliesTo", $"Không đơn vị nào của «{deliverable.Title}» phải lập biểu mẫu «{form.Title}».");
                }
            }

            for (var x = 0; x < form.Fields.Count; x++)
            {
                CheckField(form.Fields[x], $"{path}.fields[{x}]");
            }
        }

        private void CheckField(FormField field, string path)
        {
            if (field.Max is { } max && (max <= 0 || max > FormField.Ceiling))
            {
                Add($"{path}.max", $"Giá trị tối đa của chỉ tiêu «{field.Label}» phải lớn hơn 0 và không quá {FormField.Ceiling:N0}.");
            }

            if (field.Type != FieldType.Table)
            {
                if (field.Columns.Count > 0 || field.MinRows is not null || field.MaxRows is not null || field.GroupBy is not null)
                {
                    Add($"{path}.columns", $"Chỉ tiêu «{field.Label}» không phải dạng bảng (type: table) nên không có cột, số dòng hay cột nhóm.");
                }

                return;
            }

            if (field.Columns.Count == 0)
            {
                Add($"{path}.columns", $"Bảng «{field.Label}» chưa có cột nào.");
            }

            Unique(field.Columns.Select(c => c.Id), $"{path}.columns", "cột");
            for (var c = 0; c < field.Columns.Count; c++)
            {
                var column = field.Columns[c];
                Required(column.Id, $"{path}.columns[{c}].id", "mã cột");
                Required(column.Label, $"{path}.columns[{c}].label", "tên cột");
                if (column.Type == ColumnType.Choice && column.Choices.Count == 0)
                {
                    Add($"{path}.columns[{c}].choices", $"Cột «{column.Label}» là danh sách chọn nhưng chưa có lựa chọn nào.");
                }
                else if (column.Type != ColumnType.Choice && column.Choices.Count > 0)
                {
                    Add($"{path}.columns[{c}].choices", $"Cột «{column.Label}» không phải danh sách chọn (type: choice) nên không có lựa chọn.");
                }

                Unique(column.Choices, $"{path}.columns[{c}].choices", "lựa chọn");
                if (column.Max is { } columnMax && (column.Type is not (ColumnType.Integer or ColumnType.Decimal) || columnMax <= 0 || columnMax > FormField.Ceiling))
                {
                    Add($"{path}.columns[{c}].max", $"Giá trị tối đa chỉ dùng cho cột số, phải lớn hơn 0 và không quá {FormField.Ceiling:N0}.");
                }
            }

            if (field.MinRows < 0 || field.MaxRows < 1)
            {
                Add($"{path}.minRows", "Số dòng tối thiểu không được âm, số dòng tối đa phải từ 1 trở lên.");
            }
            else if (field.MinRows > field.MaxRows)
            {
                Add($"{path}.minRows", $"Số dòng tối thiểu ({field.MinRows}) lớn hơn số dòng tối đa ({field.MaxRows}).");
            }

            if (field.GroupBy is { } groupBy && field.Columns.All(c => c.Id != groupBy))
            {
                Add($"{path}.groupBy", $"Cột nhóm «{groupBy}» không có trong bảng «{field.Label}».");
            }
        }

        private void CheckOutline(IReadOnlyList<OutlineSection> sections, string path)
        {
            Unique(sections.Select(s => s.Number), path, "mục đề cương");
            for (var i = 0; i < sections.Count; i++)
            {
                CheckOutline(sections[i].Sections, $"{path}[{i}].sections");
            }
        }

        public void CheckPeriods()
        {
            Unique(plan.Periods.Select(p => p.Id), "$.periods", "giai đoạn");

            for (var i = 0; i < plan.Periods.Count; i++)
            {
                var period = plan.Periods[i];
                var path = $"$.periods[{i}]";
                if (period.OpensOn < plan.IssuedOn || period.OpensOn > plan.ClosesOn)
                {
                    Add($"{path}.opensOn", $"Ngày bắt đầu giai đoạn {Day(period.OpensOn)} nằm ngoài thời gian của kế hoạch ({Day(plan.IssuedOn)} – {Day(plan.ClosesOn)}).");
                }

                if (period.DataPeriod.From > period.DataPeriod.To)
                {
                    Add($"{path}.dataPeriod", "Mốc số liệu của giai đoạn có ngày bắt đầu sau ngày kết thúc.");
                }

                for (var d = 0; d < period.Deliverables.Count; d++)
                {
                    var deliverable = period.Deliverables[d];
                    CheckDeliverable(deliverable, $"{path}.deliverables[{d}]");
                    if (deliverable.Deadline.LastDay is { } last && last < period.OpensOn)
                    {
                        Add($"{path}.deliverables[{d}].deadline", $"Hạn chót {Day(last)} trước ngày bắt đầu giai đoạn {Day(period.OpensOn)}.");
                    }
                }
            }
        }

        public void CheckUniqueDeliverableIds() =>
            Unique(plan.AllDeliverables().Select(d => d.Id), "$.deliverables", "nội dung phải nộp");

        public void CheckScales()
        {
            Unique(plan.Scales.Select(s => s.Id), "$.scales", "thang xếp loại");
            for (var i = 0; i < plan.Scales.Count; i++)
            {
                Unique(plan.Scales[i].Levels.Select(l => l.Id), $"$.scales[{i}].levels", "mức xếp loại");
            }
        }

        public void CheckRounds()
        {
            Unique(plan.NominationRounds.Select(r => r.Id), "$.nominationRounds", "đợt đề nghị khen thưởng");
            var rounds = plan.NominationRounds.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
            for (var i = 0; i < plan.NominationRounds.Count; i++)
            {
                var round = plan.NominationRounds[i];
                var path = $"$.nominationRounds[{i}]";
                if (round.PickedFrom is { } source)
                {
                    if (source == round.Id || !rounds.TryGetValue(source, out var lower))
                    {
                        Add($"{path}.pickedFrom", $"Đợt đề nghị nguồn «{source}» không tồn tại.");
                    }
                    else if (lower.PickedFrom is not null)
                    {
                        Add($"{path}.pickedFrom", $"Đợt «{source}» cũng được lựa chọn từ đợt khác; hãy lựa chọn từ đợt các đơn vị đề nghị.");
                    }
                }
                else
                {
                    // A round without a deadline is dated by an operator during the cycle.
                    CheckScope(round.Proposers, $"{path}.proposers", requireSome: true);
                }

                if (round.Deadline is not null)
                {
                    CheckDeadline(round.Deadline, $"{path}.deadline");
                }

                CheckQuotas(round, path);
                CheckEligibility(round, path);
                CheckDossier(round, path);
            }
        }

        private void CheckQuotas(NominationRound round, string path)
        {
            Unique(round.Quotas.Select(q => q.Id), $"{path}.quotas", "chỉ tiêu khen thưởng");
            for (var q = 0; q < round.Quotas.Count; q++)
            {
                var quota = round.Quotas[q];
                var at = $"{path}.quotas[{q}]";
                if (quota.Pending)
                {
                    if (quota.HasLimits)
                    {
                        Add($"{at}.pending", $"Chỉ tiêu «{quota.Description}» đang chờ số lượng (pending) nên chưa ghi số; bỏ pending khi đã có số.");
                    }
                }
                else
                {
                    var numbers = new QuotaNumbers { Max = quota.Max, MaxCollective = quota.MaxCollective, MaxIndividual = quota.MaxIndividual, MinPolice = quota.MinPolice, MaxPolice = quota.MaxPolice };
                    foreach (var (field, message) in numbers.Problems())
                    {
                        Add(quota.HasLimits ? $"{at}.{field}" : at, quota.HasLimits ? message : $"Chỉ tiêu «{quota.Description}» chưa đặt giới hạn nào; nếu số lượng sẽ giao sau, ghi \"pending\": true.");
                    }
                }

                KnownBlocks(quota.Match.ProposerBlocks, $"{at}.match.proposerBlocks");
                KnownBlocks(quota.Match.NomineeBlocks, $"{at}.match.nomineeBlocks");
                KnownUnits(quota.Match.ProposerUnits, $"{at}.match.proposerUnits");
                KnownUnits(quota.Match.NomineeUnits, $"{at}.match.nomineeUnits");
                KnownUnits(quota.Match.NomineeManagedBy, $"{at}.match.nomineeManagedBy");
            }
        }

        private void CheckEligibility(NominationRound round, string path)
        {
            Unique(round.Eligibility.Select(p => p.Id), $"{path}.eligibility", "đối tượng xét tiêu chuẩn");
            var scales = plan.Scales.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
            for (var p = 0; p < round.Eligibility.Count; p++)
            {
                var profile = round.Eligibility[p];
                Unique(profile.Rules.Select(r => r.Id), $"{path}.eligibility[{p}].rules", "tiêu chuẩn");
                for (var r = 0; r < profile.Rules.Count; r++)
                {
                    CheckRule(profile.Rules[r], $"{path}.eligibility[{p}].rules[{r}]", scales);
                }
            }
        }

        private void CheckRule(EligibilityRule rule, string path, Dictionary<string, Scale> scales)
        {
            switch (rule)
            {
                case YearlyLevelRule yearly:
                    if (!scales.TryGetValue(yearly.Scale, out var scale))
                    {
                        Add($"{path}.scale", $"Thang xếp loại «{yearly.Scale}» không có trong danh sách thang xếp loại.");
                        break;
                    }

                    if (scale.Rank(yearly.Minimum) < 0)
                    {
                        Add($"{path}.minimum", $"Mức «{yearly.Minimum}» không có trong thang «{scale.Name}».");
                    }

                    if (yearly.AtLeastLevel is { } level && scale.Rank(level) < 0)
                    {
                        Add($"{path}.atLeastLevel", $"Mức «{level}» không có trong thang «{scale.Name}».");
                    }

                    if (yearly.FromYear > yearly.ToYear)
                    {
                        Add($"{path}.fromYear", $"Năm bắt đầu {yearly.FromYear} sau năm kết thúc {yearly.ToYear}.");
                    }
                    else if (yearly.AtLeastCount > yearly.ToYear - yearly.FromYear + 1)
                    {
                        Add($"{path}.atLeastCount", $"Yêu cầu {yearly.AtLeastCount} năm nhưng khoảng {yearly.FromYear}–{yearly.ToYear} chỉ có {yearly.ToYear - yearly.FromYear + 1} năm.");
                    }

                    break;
                case AnyOfRule anyOf:
                    if (anyOf.Alternatives.Count < 2)
                    {
                        Add($"{path}.alternatives", "Tiêu chuẩn thay thế phải có ít nhất hai phương án.");
                    }

                    for (var i = 0; i < anyOf.Alternatives.Count; i++)
                    {
                        CheckRule(anyOf.Alternatives[i], $"{path}.alternatives[{i}]", scales);
                    }

                    break;
            }
        }

        private void CheckDossier(NominationRound round, string path)
        {
            if (round.Dossier is not { } dossier)
            {
                return;
            }

            if (dossier.Copies < 1)
            {
                Add($"{path}.dossier.copies", "Số bộ hồ sơ phải từ 1 trở lên.");
            }

            Unique(dossier.Documents.Select(d => d.Id), $"{path}.dossier.documents", "thành phần hồ sơ");
            for (var d = 0; d < dossier.Documents.Count; d++)
            {
                if (dossier.Documents[d].MaxLinesForCollective is < 1)
                {
                    Add($"{path}.dossier.documents[{d}].maxLinesForCollective", "Giới hạn số dòng phải từ 1 trở lên.");
                }
            }
        }

        public void CheckTargets()
        {
            Unique(plan.Targets.Select(t => t.Id), "$.targets", "chỉ tiêu thi đua");
            var deliverables = plan.AllDeliverables().GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
            for (var i = 0; i < plan.Targets.Count; i++)
            {
                var target = plan.Targets[i];
                var path = $"$.targets[{i}]";
                CheckScope(target.AppliesTo, $"{path}.appliesTo", requireSome: true);
                if (target.MinPercent is < 0 or > 100)
                {
                    Add($"{path}.minPercent", $"Tỷ lệ {target.MinPercent}% phải nằm trong khoảng 0–100%.");
                }

                if (!deliverables.TryGetValue(target.Deliverable, out var deliverable))
                {
                    Add($"{path}.deliverable", $"Nội dung phải nộp «{target.Deliverable}» không tồn tại.");
                    continue;
                }

                var form = deliverable.Forms.FirstOrDefault(f => f.Id == target.Form);
                if (form is null)
                {
                    Add($"{path}.form", $"Biểu mẫu «{target.Form}» không có trong «{deliverable.Title}».");
                    continue;
                }

                var field = form.Fields.FirstOrDefault(f => f.Id == target.Field);
                if (field is null)
                {
                    Add($"{path}.field", $"Chỉ tiêu «{target.Field}» không có trong biểu mẫu «{form.Title}».");
                }
                else if (target.TotalField is null && field.Type != FieldType.Boolean)
                {
                    Add($"{path}.field", $"Chỉ tiêu «{field.Label}» phải là loại có/không để tính tỷ lệ đơn vị đạt.");
                }
                else if (target.TotalField is not null && field.Type != FieldType.Integer)
                {
                    Add($"{path}.field", $"Chỉ tiêu «{field.Label}» phải là số nguyên để tính tỷ lệ trên tổng số.");
                }

                if (target.TotalField is { } total && form.Fields.FirstOrDefault(f => f.Id == total) is not { Type: FieldType.Integer })
                {
                    Add($"{path}.totalField", $"Chỉ tiêu tổng số «{total}» không có trong biểu mẫu «{form.Title}» hoặc không phải số nguyên.");
                }
            }
        }

        public void CheckMilestones()
        {
            var subjects = plan.AllDeliverables().Select(d => d.Id).Concat(plan.NominationRounds.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);
            Unique(plan.Milestones.Select(m => m.Id), "$.milestones", "mốc công việc");
            for (var i = 0; i < plan.Milestones.Count; i++)
            {
                var milestone = plan.Milestones[i];
                Required(milestone.Id, $"$.milestones[{i}].id", "mã mốc công việc");
                Required(milestone.Title, $"$.milestones[{i}].title", "tên mốc công việc");
                if (subjects.Contains(milestone.Id))
                {
                    Add($"$.milestones[{i}].id", $"Mã mốc «{milestone.Id}» trùng với mã một nội dung phải nộp hoặc đợt khen thưởng.");
                }

                CheckDeadline(milestone.Deadline, $"$.milestones[{i}].deadline");
            }

            if (plan.Milestones.Count > 0 && plan.OperatorEmails.Count == 0)
            {
                Add("$.operatorEmails", "Kế hoạch có mốc công việc nhưng chưa có địa chỉ thư của cơ quan thường trực để nhắc.");
            }

            for (var i = 0; i < plan.OperatorEmails.Count; i++)
            {
                Email(plan.OperatorEmails[i], $"$.operatorEmails[{i}]");
            }
        }

        private void CheckDeadline(Deadline deadline, string path)
        {
            switch (deadline.Semantics)
            {
                case DeadlineSemantics.Before or DeadlineSemantics.By when deadline.Date is null:
                    Add($"{path}.date", "Hạn chót thiếu ngày.");
                    return;
                case DeadlineSemantics.WithinMonth when !Deadline.TryParseMonth(deadline.Month, out _):
                    Add($"{path}.month", $"Tháng «{deadline.Month}» không hợp lệ; ghi theo dạng yyyy-MM, ví dụ 2024-05.");
                    return;
            }

            // "By 31/12/9999" or "within 12/9999" names a day whose next is off the calendar: no plan runs that long.
            if (deadline.LastDay is not { } last)
            {
                Add(path, $"Hạn chót ({deadline.Describe()}) nằm ngoài thời gian của kế hoạch ({Day(plan.DataPeriod.From)} – {Day(plan.ClosesOn)}).");
                return;
            }

            if (last < plan.IssuedOn)
            {
                Add(path, $"Hạn chót ({deadline.Describe()}) trước ngày ban hành kế hoạch {Day(plan.IssuedOn)}.");
            }
            else if (last < plan.DataPeriod.From || last > plan.ClosesOn)
            {
                Add(path, $"Hạn chót ({deadline.Describe()}) nằm ngoài thời gian của kế hoạch ({Day(plan.DataPeriod.From)} – {Day(plan.ClosesOn)}).");
            }
        }

        private void CheckScope(UnitScope scope, string path, bool requireSome)
        {
            KnownBlocks(scope.Blocks, $"{path}.blocks");
            KnownUnits(scope.Units, $"{path}.units");
            if (requireSome && !scope.Select(plan.Units).Any())
            {
                Add(path, "Không có đơn vị nào thuộc phạm vi này.");
            }
        }

        private void KnownBlocks(IReadOnlyList<string> ids, string path)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!_blocks.Contains(ids[i]))
                {
                    Add($"{path}[{i}]", $"Khối «{ids[i]}» không có trong danh sách khối.");
                }
            }
        }

        private void KnownUnits(IReadOnlyList<string> ids, string path)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!_units.ContainsKey(ids[i]))
                {
                    Add($"{path}[{i}]", $"Đơn vị «{ids[i]}» không có trong danh sách đơn vị.");
                }
            }
        }

        private void Unique(IEnumerable<string> ids, string path, string what)
        {
            foreach (var duplicate in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Add(path, $"Mã {what} «{duplicate.Key}» bị trùng.");
            }
        }

        private void Required(string? value, string path, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, $"Thiếu {what}.");
            }
        }

        private void Email(string value, string path)
        {
            if (!MailAddress.TryCreate(value, out var address) || address.Address != value.Trim())
            {
                Add(path, $"Địa chỉ thư điện tử «{value}» không hợp lệ.");
            }
        }

        private static string Day(DateOnly day) => VietnamTime.FormatDate(day);
    }
}
