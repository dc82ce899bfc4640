using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Workflow.Api.Contracts;
using Workflow.Api.Handlers;
using Workflow.Api.Security;

namespace Workflow.Api;

public static class WorkflowApiEndpoints
{
    /// <summary>Maps the API under /api; every route but health requires the Operator or the Unit policy.</summary>
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/health", HealthHandler.GetAsync)
            .AllowAnonymous().WithName("Health").WithSummary("Tình trạng máy chủ: kho lưu trữ, bộ máy quy trình, thư điện tử")
            .Produces<HealthStatus>().Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable);

        // Operators of any scope: the answer is narrowed to the caller's scope by the handler.
        api.MapGet("/me", OperatorHandlers.Me).RequireAuthorization(ApiAuth.OperatorAnyScopePolicy).WithTags("Tài khoản cán bộ vận hành")
            .WithName("WhoAmI").WithSummary("Tài khoản đang dùng: tên, vai trò, phạm vi")
            .Produces<WhoAmI>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/cycles", CycleQueryHandlers.ListAsync).RequireAuthorization(ApiAuth.OperatorAnyScopePolicy).WithTags("Kỳ báo cáo (cán bộ vận hành)")
            .WithName("ListCycles").WithSummary("Danh sách kỳ báo cáo trong phạm vi của tài khoản")
            .Produces<CyclePage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        // Account management: administrators of the whole tree.
        var operators = api.MapGroup("/operators").RequireAuthorization(ApiAuth.AdministratorPolicy).WithTags("Tài khoản cán bộ vận hành")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        operators.MapPost("", OperatorHandlers.IssueAsync).WithName("IssueOperator").WithSummary("Cấp tài khoản cán bộ vận hành; khoá chỉ hiện một lần")
            .Accepts<OperatorBody>("application/json").Produces<OperatorIssued>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        operators.MapGet("", OperatorHandlers.ListAsync).WithName("ListOperators").WithSummary("Các tài khoản cán bộ vận hành (không kèm khoá)")
            .Produces<List<OperatorInfo>>();
        operators.MapPost("/{operatorId}/revoke", OperatorHandlers.RevokeAsync).WithName("RevokeOperator").WithSummary("Thu hồi tài khoản; khoá hết hiệu lực ngay")
            .Produces<OperatorInfo>().ProducesProblem(StatusCodes.Status404NotFound);
        operators.MapPost("/{operatorId}/rotate", OperatorHandlers.RotateAsync).WithName("RotateOperatorKey").WithSummary("Đổi khoá; khoá cũ hết hiệu lực ngay, khoá mới chỉ hiện một lần")
            .Produces<OperatorIssued>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        operators.MapGet("/denials", OperatorHandlers.DenialsAsync).WithName("ListAccessDenials").WithSummary("Các lần bị từ chối vì vai trò hoặc phạm vi, mới nhất trước")
            .Produces<List<AccessDenial>>().ProducesProblem(StatusCodes.Status400BadRequest);

        // Drafting a plan: no cycle yet, so the root scope (as every operator route without a cycle).
        var plans = api.MapGroup("/plans").RequireAuthorization(ApiAuth.OperatorPolicy).WithTags("Soạn kế hoạch (cán bộ vận hành)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        plans.MapGet("/units/template", PlanUnitHandlers.Template).WithName("GetUnitListTemplate")
            .WithSummary("Tải mẫu danh sách đơn vị để điền: xlsx (mặc định) hoặc csv (format=csv); dòng 1 là tên cột, dòng 2 là ghi chú")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesProblem(StatusCodes.Status400BadRequest);
        plans.MapPost("/units/template", PlanUnitHandlers.FilledTemplateAsync).WithName("GetFilledUnitListTemplate")
            .WithSummary("Tải mẫu danh sách đơn vị điền sẵn các đơn vị của kế hoạch đang soạn (JSON): mỗi đơn vị một dòng, đơn vị cấp trên trước các đơn vị trực thuộc; xlsx (mặc định) hoặc csv (format=csv)")
            .Accepts<object>("application/json").Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        plans.MapPost("/units/import", PlanUnitHandlers.ImportAsync).WithName("ImportUnitList")
            .WithSummary("Đọc danh sách đơn vị từ tệp (file: .xlsx hoặc .csv) cho kế hoạch đang soạn (plan: JSON); không lưu gì, trả về khác biệt so với kế hoạch và các đơn vị, hoặc lỗi theo dòng, cột")
            .Accepts<IFormFile>("multipart/form-data").Produces<UnitImport>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        plans.MapPost("/check", PlanEditorHandlers.CheckAsync).WithName("CheckPlan")
            .WithSummary("Kiểm tra kế hoạch đang soạn (JSON): lỗi theo từng trường, số đơn vị, thời điểm cuối cùng còn nhận của từng thời hạn và lịch nhắc hạn, đôn đốc; kế hoạch còn lỗi vẫn được trả lời 200, không lưu gì")
            .Accepts<object>("application/json").Produces<PlanCheck>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        plans.MapGet("/drafts", PlanDraftHandlers.ListAsync).WithName("ListPlanDrafts")
            .WithSummary("Các bản nháp kế hoạch, mỗi bản nháp theo phiên bản mới nhất, lưu gần đây nhất trước")
            .Produces<List<PlanDraftRow>>();
        plans.MapPut("/drafts/{draftId}", PlanDraftHandlers.SaveAsync).WithName("SavePlanDraft")
            .WithSummary("Lưu bản nháp kế hoạch (JSON, có thể chưa hợp lệ) thành phiên bản mới (201); nội dung giống hệt phiên bản mới nhất thì không tạo phiên bản mới (200)")
            .Accepts<object>("application/json").Produces<PlanDraftSaved>(StatusCodes.Status201Created).Produces<PlanDraftSaved>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        plans.MapGet("/drafts/{draftId}", PlanDraftHandlers.GetAsync).WithName("GetPlanDraft")
            .WithSummary("Phiên bản mới nhất của một bản nháp kế hoạch: kế hoạch (JSON) và danh sách các phiên bản")
            .Produces<PlanDraftView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/drafts/{draftId}/versions/{version:int}", PlanDraftHandlers.GetVersionAsync).WithName("GetPlanDraftVersion")
            .WithSummary("Một phiên bản của bản nháp kế hoạch: kế hoạch (JSON) đã lưu ở phiên bản đó và danh sách các phiên bản")
            .Produces<PlanDraftView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        var cycles = api.MapGroup("/cycles").RequireAuthorization(ApiAuth.OperatorPolicy).WithTags("Kỳ báo cáo (cán bộ vận hành)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        cycles.MapPost("", CycleCommandHandlers.StartAsync).WithName("StartCycle").WithSummary("Bắt đầu kỳ báo cáo từ kế hoạch (JSON), hoặc multipart/form-data: kế hoạch «plan» và các tệp mẫu «templates»")
            .Accepts<object>("application/json", "multipart/form-data").Produces<CycleStarted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        cycles.MapGet("/{id}", CycleQueryHandlers.GetAsync).WithName("GetCycle").WithSummary("Tình hình một kỳ báo cáo")
            .Produces<CycleDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/units", CycleQueryHandlers.UnitsAsync).WithName("ListCycleUnits").WithSummary("Tình hình từng đơn vị")
            .Produces<List<UnitStatusRow>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/timeline", TimelineHandler.GetAsync).WithName("GetCycleTimeline").WithSummary("Diễn biến của kỳ báo cáo, mới nhất trước")
            .Produces<List<TimelineEntry>>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/nominations/{roundId}", CycleQueryHandlers.NominationsAsync).WithName("ListNominees").WithSummary("Các đề nghị khen thưởng của một đợt")
            .Produces<List<NomineeRow>>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("/{id}/nominations/{roundId}/{nominationId}/achievements/{recordId}/review", AwardHandlers.ReviewAsync).WithName("ReviewAchievement")
            .WithSummary("Xác minh một thành tích của đề nghị khen thưởng: verified (đã xác minh) hoặc refused (không công nhận, kèm lý do); đợt được xét lại nếu đã xét")
            .Accepts<RecordReviewBody>("application/json").Produces<ReviewedRecord>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{id}/awards/{roundId}", AwardHandlers.AwardAsync).WithName("GetAward")
            .WithSummary("Kết quả khen thưởng của một đợt: số đề nghị, bị loại, được khen; các dự thảo để tải; quyết định đã ký")
            .Produces<AwardInfo>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/awards/{roundId}/{file}", AwardHandlers.DraftAsync).WithName("GetAwardDraft")
            .WithSummary("Tải dự thảo: to-trinh.docx (tờ trình), quyet-dinh.docx (quyết định kèm danh sách), danh-sach.xlsx (danh sách)")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/awards/{roundId}/decision", AwardHandlers.DecisionAsync).WithName("RecordAwardDecision")
            .WithSummary("Ghi quyết định khen thưởng đã ký (số, ngày ký); khen thưởng được lưu vào quá trình thành tích của từng tập thể, cá nhân")
            .Accepts<DecisionBody>("application/json").Produces<AwardDecision>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/rehearsal/advance", CycleCommandHandlers.AdvanceAsync).WithName("AdvanceRehearsal").WithSummary("Diễn tập: chuyển thời gian tới mốc kế tiếp hoặc thời điểm chỉ định")
            .Produces<ControlAccepted>(StatusCodes.Status202Accepted);
        cycles.MapPost("/{id}/copy", CycleCopyHandlers.CopyAsync).WithName("CopyCyclePlan")
            .WithSummary("Sao chép kế hoạch của kỳ báo cáo sang kỳ mới, dời các ngày theo số năm (years) và số ngày (days); trả về kế hoạch JSON để xem lại rồi bắt đầu, không tự bắt đầu")
            .Accepts<CopyBody>("application/json").Produces<object>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/extensions", CycleCommandHandlers.ExtendAsync).WithName("ExtendDeadline").WithSummary("Gia hạn")
            .Accepts<ExtensionBody>("application/json").Produces<ExtensionAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPut("/{id}/rounds/{roundId}/quotas/{quotaId}", RoundCommandHandlers.SetQuotaAsync).WithName("SetQuotaNumbers").WithSummary("Nhập số lượng của chỉ tiêu khen thưởng đang chờ (chờ chỉ tiêu)")
            .Accepts<QuotaBody>("application/json").Produces<QuotaAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/picks/{roundId}", CycleCommandHandlers.PickAsync).WithName("PickNominees").WithSummary("Cấp tỉnh lựa chọn đề nghị cho cấp khen cao hơn")
            .Accepts<PicksBody>("application/json").Produces<ControlAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/failures/{pieceId}/retry", CycleCommandHandlers.RetryAsync).WithName("RetryFailedPiece").WithSummary("Chạy lại một phần bị lỗi của kỳ báo cáo")
            .Produces<ControlAccepted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/suspend", CycleCommandHandlers.SuspendAsync).WithName("SuspendCycle").WithSummary("Tạm dừng")
            .Accepts<ReasonBody>("application/json").Produces<ControlAccepted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/resume", CycleCommandHandlers.ResumeAsync).WithName("ResumeCycle").WithSummary("Tiếp tục")
            .Accepts<ReasonBody>("application/json").Produces<ControlAccepted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{id}/terminate", CycleCommandHandlers.TerminateAsync).WithName("TerminateCycle").WithSummary("Dừng hẳn")
            .Accepts<ReasonBody>("application/json").Produces<ControlAccepted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{id}/mails", MailHandlers.ListAsync).WithName("ListCycleMails").WithSummary("Thư chưa gửi được: đang chờ gửi lại, chưa xác nhận (pending) hoặc thất bại (failed)")
            .Produces<List<MailRow>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("/{id}/mails/{key}/resend", MailHandlers.ResendAsync).WithName("ResendMail").WithSummary("Gửi lại một thư chưa gửi được")
            .Produces<MailRow>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{id}/exports", DownloadHandlers.ListExportsAsync).WithName("ListExports").WithSummary("Các tệp tổng hợp (CSV, Excel)")
            .Produces<List<ExportLink>>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/exports/{name}", DownloadHandlers.GetExportAsync).WithName("GetExport").WithSummary("Tải một tệp tổng hợp")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("/{id}/consolidations", ConsolidationHandlers.TakeAsync).WithName("TakeConsolidationSnapshot")
            .WithSummary("Tổng hợp ngay: tổng hợp tại thời điểm hiện tại của kỳ báo cáo, không kết thúc kỳ; lưu thành bản tổng hợp riêng")
            .Accepts<SnapshotBody>("application/json").Produces<SnapshotInfo>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{id}/consolidations", ConsolidationHandlers.ListAsync).WithName("ListConsolidationSnapshots").WithSummary("Các bản tổng hợp đã lập trong kỳ, mới nhất trước")
            .Produces<List<SnapshotInfo>>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/consolidations/{snapshotId}", ConsolidationHandlers.GetAsync).WithName("GetConsolidationSnapshot").WithSummary("Một bản tổng hợp và các tệp của nó")
            .Produces<SnapshotInfo>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/consolidations/{snapshotId}/exports/{name}", ConsolidationHandlers.GetExportAsync).WithName("GetSnapshotExport").WithSummary("Tải một tệp của bản tổng hợp")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/templates", TemplateHandlers.ListAsync).WithName("ListTemplates").WithSummary("Các tệp mẫu của biểu mẫu trong kế hoạch, đã đính kèm hay chưa")
            .Produces<List<TemplateInfo>>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPut("/{id}/templates/{file}", TemplateHandlers.PutAsync).WithName("AttachTemplate").WithSummary("Đính kèm (hoặc thay) một tệp mẫu mà kế hoạch khai báo; nội dung yêu cầu là chính tệp đó")
            .Accepts<byte[]>("application/octet-stream", "*/*").Produces<TemplateInfo>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        cycles.MapGet("/{id}/templates/{file}", TemplateHandlers.GetAsync).WithName("GetTemplate").WithSummary("Tải một tệp mẫu đã đính kèm")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("/{id}/relays/{relayId}/plan", RelayHandlers.IssueAsync).WithName("IssueSubCycle")
            .WithSummary("Đơn vị trung gian ban hành kế hoạch của cấp mình cho các đơn vị trực thuộc (kỳ báo cáo cấp dưới, kế thừa đề cương, biểu mẫu, khen thưởng)")
            .Accepts<Workflow.Domain.Levels.RelayPlanRequest>("application/json").Produces<SubCycleStarted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        cycles.MapGet("/{id}/relays/{relayId}/plan", RelayHandlers.PlanFormAsync).WithName("GetRelayPlanForm")
            .WithSummary("Những nội dung đơn vị trung gian giao cho cấp dưới và thời hạn của chính đơn vị với cấp trên (để lập kế hoạch cấp mình)")
            .Produces<RelayPlanForm>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/relays", RelayHandlers.ListAsync).WithName("ListRelays").WithSummary("Các đơn vị trung gian và kỳ báo cáo cấp dưới của họ")
            .Produces<List<RelayRow>>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{id}/rollups/{deliverableId}", RelayHandlers.DraftAsync).WithName("GetRollUp")
            .WithSummary("Báo cáo lên cấp trên điền sẵn từ tổng hợp của kỳ cấp dưới: số liệu cộng dồn, bảng ghép kèm đơn vị, số đơn vị cơ sở đã nộp")
            .Produces<RollUpView>().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("/{id}/rollups/{deliverableId}", RelayHandlers.RollUpAsync).WithName("SubmitRollUp")
            .WithSummary("Gửi báo cáo lên cấp trên: tệp báo cáo (file), số liệu (statistics, nếu điều chỉnh), lý do điều chỉnh (corrections) và tệp biểu mẫu (form:<mã>)")
            .Accepts<IFormFile>("multipart/form-data").Produces<ReportReceipt>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        cycles.MapPost("/{id}/forwards/{roundId}", RelayHandlers.ForwardAsync).WithName("ForwardPicks")
            .WithSummary("Gửi các đề nghị khen thưởng cấp mình đã lựa chọn (trong chỉ tiêu) kèm hồ sơ lên đợt khen thưởng của cấp trên")
            .Produces<List<ForwardRow>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{id}/dossiers/{unitId}/{subject}/{version:int}", DownloadHandlers.GetDossierAsync).WithName("GetDossier").WithSummary("Tải một phiên bản hồ sơ đã nộp")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);

        var unit = api.MapGroup("/unit").RequireAuthorization(ApiAuth.UnitPolicy).WithTags("Đơn vị")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        unit.MapGet("/tasks", UnitHandlers.TasksAsync).WithName("GetUnitTasks").WithSummary("Việc phải nộp của đơn vị")
            .Produces<UnitTasks>().ProducesProblem(StatusCodes.Status404NotFound);
        unit.MapGet("/templates/{file}", TemplateHandlers.UnitGetAsync).WithName("GetUnitTemplate").WithSummary("Tải tệp mẫu của một biểu mẫu đơn vị phải lập")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        unit.MapPost("/reports/{deliverableId}", UploadHandlers.ReportAsync).WithName("UploadReport")
            .WithSummary("Nộp báo cáo: tệp (file), số liệu (statistics, JSON) và mỗi biểu mẫu chỉ nộp bằng tệp một tệp đã điền (form:<mã biểu mẫu>)")
            .Accepts<IFormFile>("multipart/form-data").Produces<ReportReceipt>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        unit.MapPost("/nominations/{roundId}", UploadHandlers.NominationAsync).WithName("UploadNomination").WithSummary("Nộp hồ sơ đề nghị khen thưởng: nomination (JSON), files (các thành phần hồ sơ) và evidence.<mã thành tích> (tệp quyết định của từng thành tích)")
            .Accepts<IFormFile>("multipart/form-data").Produces<NominationReceipt>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        unit.MapGet("/tables/{deliverableId}/{formId}/{fieldId}/template", TableHandlers.TemplateAsync).WithName("GetTableTemplate")
            .WithSummary("Tải mẫu bảng của một chỉ tiêu dạng bảng để điền: xlsx (mặc định) hoặc csv (format=csv); dòng 1 là tên các cột")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        unit.MapPost("/tables/{deliverableId}/{formId}/{fieldId}/rows", TableHandlers.RowsAsync).WithName("ReadTableRows")
            .WithSummary("Đọc các dòng của bảng từ tệp đã điền (file: .xlsx hoặc .csv); không lưu gì, trả về các dòng hoặc lỗi theo dòng, cột")
            .Accepts<IFormFile>("multipart/form-data").Produces<TableRows>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        unit.MapGet("/nominees", AwardHandlers.KeptAsync).WithName("ListKeptNominees")
            .WithSummary("Các tập thể, cá nhân đơn vị đã đề nghị ở các kỳ trước, kèm quá trình thành tích đã lưu (để điền sẵn hồ sơ đề nghị)")
            .Produces<List<KeptNominee>>();
        unit.MapGet("/receipts", UnitHandlers.ReceiptsAsync).WithName("ListUnitReceipts").WithSummary("Các giấy biên nhận của đơn vị")
            .Produces<List<ReceiptRow>>();
        return endpoints;
    }
}
