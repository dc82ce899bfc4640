using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Api.Handlers;
using Workflow.Api.Health;
using Workflow.Api.Security;
using Workflow.Application;
using Workflow.Storage;

namespace Workflow.Functions.Http;

/// <summary>
/// The API of api/Workflow.Api (the routes <c>MapWorkflowApi</c> maps in the local host) as HTTP functions under the
/// host's "api" route prefix. Each is one line: the API's handler, behind the same policy, with the Durable client the
/// binding gives (the SDK's <see cref="DurableTaskClient"/>, the same type the local host registers). Operator routes
/// also need a function key (AuthorizationLevel.Function); unit routes are anonymous at the platform level because
/// units open them from e-mailed links whose signed token is their credential, checked by the Unit policy.
/// </summary>
public sealed class ApiFunctions(ApiGate gate, IPlanStore plans, IStatusStore status, IDossierStore dossiers, ITemplateStore templates, CycleConsolidation consolidation, ConsolidationSnapshots snapshots,
    SubmissionService submissions, MailOutboxService mails, CycleClocks clocks, CycleStarter starter, QuotaSetting quotas, IOptions<StorageOptions> storage, ServiceHealth health, TimeProvider time,
    ICycleLinks links, SubCycles subCycles, IOperatorAccounts accounts, RecordReviews reviews, IAchievementRegistry registry, AwardDrafts drafts, IPlanDrafts planDrafts)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, policyName: null, () => HealthHandler.GetAsync(request.HttpContext, client, health, request.HttpContext.RequestAborted));

    [Function("StartCycle")]
    public Task<IResult> StartCycle([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles")] HttpRequest request, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.StartAsync(
            request, request.Query["id"], request.Query["rehearsal"], QueryInstant(request, "from"), client, starter, time, storage, request.HttpContext.RequestAborted));

    [Function("ListCycles")]
    public Task<IResult> ListCycles([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles")] HttpRequest request, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorAnyScopePolicy, () => CycleQueryHandlers.ListAsync(request.Query["status"], request.Query["createdFrom"], request.Query["createdTo"],
            request.Query["prefix"], request.Query["pageSize"], request.Query["continuationToken"], request.HttpContext.User, client, plans, links, request.HttpContext.RequestAborted));

    [Function("WhoAmI")]
    public Task<IResult> WhoAmI([HttpTrigger(AuthorizationLevel.Function, "get", Route = "me")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.OperatorAnyScopePolicy, () => Task.FromResult(OperatorHandlers.Me(request.HttpContext.User)));

    [Function("IssueOperator")]
    public Task<IResult> IssueOperator([HttpTrigger(AuthorizationLevel.Function, "post", Route = "operators")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.AdministratorPolicy, () => OperatorHandlers.IssueAsync(request, request.HttpContext.User, accounts, time, request.HttpContext.RequestAborted));

    [Function("ListOperators")]
    public Task<IResult> ListOperators([HttpTrigger(AuthorizationLevel.Function, "get", Route = "operators")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.AdministratorPolicy, () => OperatorHandlers.ListAsync(accounts, request.HttpContext.RequestAborted));

    [Function("RevokeOperator")]
    public Task<IResult> RevokeOperator([HttpTrigger(AuthorizationLevel.Function, "post", Route = "operators/{operatorId}/revoke")] HttpRequest request, string operatorId)
        => gate.RunAsync(request, ApiAuth.AdministratorPolicy, () => OperatorHandlers.RevokeAsync(operatorId, request.HttpContext.User, accounts, time, request.HttpContext.RequestAborted));

    [Function("RotateOperatorKey")]
    public Task<IResult> RotateOperatorKey([HttpTrigger(AuthorizationLevel.Function, "post", Route = "operators/{operatorId}/rotate")] HttpRequest request, string operatorId)
        => gate.RunAsync(request, ApiAuth.AdministratorPolicy, () => OperatorHandlers.RotateAsync(operatorId, accounts, time, request.HttpContext.RequestAborted));

    [Function("ListAccessDenials")]
    public Task<IResult> ListAccessDenials([HttpTrigger(AuthorizationLevel.Function, "get", Route = "operators/denials")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.AdministratorPolicy, () => OperatorHandlers.DenialsAsync(request.Query["limit"], accounts, request.HttpContext.RequestAborted));

    [Function("GetCycle")]
    public Task<IResult> GetCycle([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleQueryHandlers.GetAsync(id, client, plans, status, clocks, links, registry, request.HttpContext.RequestAborted));

    [Function("ListCycleUnits")]
    public Task<IResult> ListCycleUnits([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/units")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleQueryHandlers.UnitsAsync(
            id, request.Query["subject"], request.Query["block"], client, plans, status, clocks, request.HttpContext.RequestAborted));

    [Function("GetCycleTimeline")]
    public Task<IResult> GetCycleTimeline([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/timeline")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => TimelineHandler.GetAsync(id, client, plans, status, clocks, request.HttpContext.RequestAborted));

    [Function("ListNominees")]
    public Task<IResult> ListNominees(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/nominations/{roundId}")] HttpRequest request, string id, string roundId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleQueryHandlers.NominationsAsync(id, roundId, client, plans, status, request.HttpContext.RequestAborted));

    [Function("ReviewAchievement")]
    public Task<IResult> ReviewAchievement(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/nominations/{roundId}/{nominationId}/achievements/{recordId}/review")] HttpRequest request,
        string id, string roundId, string nominationId, string recordId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => AwardHandlers.ReviewAsync(id, roundId, nominationId, recordId, request, client, plans, status, reviews, request.HttpContext.RequestAborted));

    [Function("GetAward")]
    public Task<IResult> GetAward(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/awards/{roundId}")] HttpRequest request, string id, string roundId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => AwardHandlers.AwardAsync(id, roundId, client, plans, drafts, registry, request.HttpContext.RequestAborted));

    [Function("GetAwardDraft")]
    public Task<IResult> GetAwardDraft(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/awards/{roundId}/{file}")] HttpRequest request, string id, string roundId, string file, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => AwardHandlers.DraftAsync(id, roundId, file, client, plans, drafts, request.HttpContext.RequestAborted));

    [Function("RecordAwardDecision")]
    public Task<IResult> RecordAwardDecision(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/awards/{roundId}/decision")] HttpRequest request, string id, string roundId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => AwardHandlers.DecisionAsync(id, roundId, request, client, plans, drafts, request.HttpContext.RequestAborted));

    [Function("AdvanceRehearsal")]
    public Task<IResult> AdvanceRehearsal(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/rehearsal/advance")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.AdvanceAsync(id, request, client, clocks, links, request.HttpContext.RequestAborted));

    [Function("CopyCyclePlan")]
    public Task<IResult> CopyCyclePlan([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/copy")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCopyHandlers.CopyAsync(id, request, client, plans, request.HttpContext.RequestAborted));

    [Function("GetUnitListTemplate")]
    public Task<IResult> GetUnitListTemplate([HttpTrigger(AuthorizationLevel.Function, "get", Route = "plans/units/template")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => Task.FromResult(PlanUnitHandlers.Template(request.Query["format"])));

    [Function("GetFilledUnitListTemplate")]
    public Task<IResult> GetFilledUnitListTemplate([HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans/units/template")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => PlanUnitHandlers.FilledTemplateAsync(request.Query["format"], request, request.HttpContext.RequestAborted));

    [Function("CheckPlan")]
    public Task<IResult> CheckPlan([HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans/check")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => PlanEditorHandlers.CheckAsync(request, request.HttpContext.RequestAborted));

    [Function("ListPlanDrafts")]
    public Task<IResult> ListPlanDrafts([HttpTrigger(AuthorizationLevel.Function, "get", Route = "plans/drafts")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => PlanDraftHandlers.ListAsync(planDrafts, request.HttpContext.RequestAborted));

    [Function("SavePlanDraft")]
    public Task<IResult> SavePlanDraft([HttpTrigger(AuthorizationLevel.Function, "put", Route = "plans/drafts/{draftId}")] HttpRequest request, string draftId)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => PlanDraftHandlers.SaveAsync(draftId, request, planDrafts, time, request.HttpContext.RequestAborted));

    [Function("GetPlanDraft")]
    public Task<IResult> GetPlanDraft([HttpTrigger(AuthorizationLevel.Function, "get", Route = "plans/drafts/{draftId}")] HttpRequest request, string draftId)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => PlanDraftHandlers.GetAsync(draftId, planDrafts, request.HttpContext.RequestAborted));

    [Function("GetPlanDraftVersion")]
    public Task<IResult> GetPlanDraftVersion(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "plans/drafts/{draftId}/versions/{version:int}")] HttpRequest request, string draftId, int version)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => PlanDraftHandlers.GetVersionAsync(draftId, version, planDrafts, request.HttpContext.RequestAborted));

    [Function("ImportUnitList")]
    public Task<IResult> ImportUnitList([HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans/units/import")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => PlanUnitHandlers.ImportAsync(request, storage, request.HttpContext.RequestAborted));

    [Function("ExtendDeadline")]
    public Task<IResult> ExtendDeadline([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/extensions")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.ExtendAsync(id, request, client, plans, clocks, request.HttpContext.RequestAborted));

    [Function("SetQuotaNumbers")]
    public Task<IResult> SetQuotaNumbers(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "cycles/{id}/rounds/{roundId}/quotas/{quotaId}")] HttpRequest request, string id, string roundId, string quotaId,
        [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => RoundCommandHandlers.SetQuotaAsync(id, roundId, quotaId, request, client, plans, quotas, request.HttpContext.RequestAborted));

    [Function("PickNominees")]
    public Task<IResult> PickNominees(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/picks/{roundId}")] HttpRequest request, string id, string roundId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.PickAsync(id, roundId, request, client, plans, status, request.HttpContext.RequestAborted));

    [Function("IssueSubCycle")]
    public Task<IResult> IssueSubCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/relays/{relayId}/plan")] HttpRequest request, string id, string relayId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => RelayHandlers.IssueAsync(id, relayId, request, client, subCycles, request.HttpContext.RequestAborted));

    [Function("GetRelayPlanForm")]
    public Task<IResult> GetRelayPlanForm(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/relays/{relayId}/plan")] HttpRequest request, string id, string relayId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => RelayHandlers.PlanFormAsync(id, relayId, client, plans, links, request.HttpContext.RequestAborted));

    [Function("ListRelays")]
    public Task<IResult> ListRelays([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/relays")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => RelayHandlers.ListAsync(id, client, plans, status, clocks, links, request.HttpContext.RequestAborted));

    [Function("GetRollUp")]
    public Task<IResult> GetRollUp([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/rollups/{deliverableId}")] HttpRequest request, string id, string deliverableId)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => RelayHandlers.DraftAsync(id, deliverableId, subCycles, request.HttpContext.RequestAborted));

    [Function("SubmitRollUp")]
    public Task<IResult> SubmitRollUp([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/rollups/{deliverableId}")] HttpRequest request, string id, string deliverableId)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => RelayHandlers.RollUpAsync(id, deliverableId, request, subCycles, storage, request.HttpContext.RequestAborted));

    [Function("ForwardPicks")]
    public Task<IResult> ForwardPicks([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/forwards/{roundId}")] HttpRequest request, string id, string roundId)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => RelayHandlers.ForwardAsync(id, roundId, subCycles, request.HttpContext.RequestAborted));

    [Function("RetryFailedPiece")]
    public Task<IResult> RetryFailedPiece(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/failures/{pieceId}/retry")] HttpRequest request, string id, string pieceId, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.RetryAsync(id, pieceId, request, client, request.HttpContext.RequestAborted));

    [Function("SuspendCycle")]
    public Task<IResult> SuspendCycle([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/suspend")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.SuspendAsync(id, request, client, request.HttpContext.RequestAborted));

    [Function("ResumeCycle")]
    public Task<IResult> ResumeCycle([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/resume")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.ResumeAsync(id, request, client, request.HttpContext.RequestAborted));

    [Function("TerminateCycle")]
    public Task<IResult> TerminateCycle([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/terminate")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => CycleCommandHandlers.TerminateAsync(id, request, client, request.HttpContext.RequestAborted));

    [Function("ListCycleMails")]
    public Task<IResult> ListCycleMails([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/mails")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => MailHandlers.ListAsync(id, request.Query["state"], client, plans, mails, request.HttpContext.RequestAborted));

    [Function("ResendMail")]
    public Task<IResult> ResendMail(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/mails/{key}/resend")] HttpRequest request, string id, string key, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => MailHandlers.ResendAsync(id, key, client, plans, mails, request.HttpContext.RequestAborted));

    [Function("ListExports")]
    public Task<IResult> ListExports([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/exports")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => DownloadHandlers.ListExportsAsync(id, client, request.HttpContext.RequestAborted));

    [Function("GetExport")]
    public Task<IResult> GetExport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/exports/{name}")] HttpRequest request, string id, string name, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => DownloadHandlers.GetExportAsync(id, name, client, consolidation, request.HttpContext.RequestAborted));

    [Function("TakeConsolidationSnapshot")]
    public Task<IResult> TakeConsolidationSnapshot(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cycles/{id}/consolidations")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => ConsolidationHandlers.TakeAsync(id, request, client, plans, clocks, snapshots, request.HttpContext.RequestAborted));

    [Function("ListConsolidationSnapshots")]
    public Task<IResult> ListConsolidationSnapshots(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/consolidations")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => ConsolidationHandlers.ListAsync(id, client, plans, snapshots, request.HttpContext.RequestAborted));

    [Function("GetConsolidationSnapshot")]
    public Task<IResult> GetConsolidationSnapshot(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/consolidations/{snapshotId}")] HttpRequest request, string id, string snapshotId,
        [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => ConsolidationHandlers.GetAsync(id, snapshotId, client, plans, snapshots, request.HttpContext.RequestAborted));

    [Function("GetSnapshotExport")]
    public Task<IResult> GetSnapshotExport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/consolidations/{snapshotId}/exports/{name}")] HttpRequest request, string id, string snapshotId,
        string name, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => ConsolidationHandlers.GetExportAsync(id, snapshotId, name, client, plans, snapshots, request.HttpContext.RequestAborted));

    [Function("ListTemplates")]
    public Task<IResult> ListTemplates([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/templates")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => TemplateHandlers.ListAsync(id, client, plans, templates, request.HttpContext.RequestAborted));

    [Function("AttachTemplate")]
    public Task<IResult> AttachTemplate(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "cycles/{id}/templates/{file}")] HttpRequest request, string id, string file, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => TemplateHandlers.PutAsync(id, file, request, client, plans, templates, storage, time, request.HttpContext.RequestAborted));

    [Function("GetTemplate")]
    public Task<IResult> GetTemplate(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/templates/{file}")] HttpRequest request, string id, string file, [DurableClient] DurableTaskClient client)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => TemplateHandlers.GetAsync(id, file, client, plans, templates, request.HttpContext.RequestAborted));

    [Function("GetDossier")]
    public Task<IResult> GetDossier(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cycles/{id}/dossiers/{unitId}/{subject}/{version:int}")] HttpRequest request,
        string id, string unitId, string subject, int version)
        => gate.RunAsync(request, ApiAuth.OperatorPolicy, () => DownloadHandlers.GetDossierAsync(id, unitId, subject, version, dossiers, request.HttpContext.RequestAborted));

    [Function("GetUnitTasks")]
    public Task<IResult> GetUnitTasks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unit/tasks")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => UnitHandlers.TasksAsync(request.HttpContext, plans, status, clocks, templates, request.HttpContext.RequestAborted));

    [Function("GetUnitTemplate")]
    public Task<IResult> GetUnitTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unit/templates/{file}")] HttpRequest request, string file)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => TemplateHandlers.UnitGetAsync(request.HttpContext, file, plans, templates, request.HttpContext.RequestAborted));

    [Function("UploadReport")]
    public Task<IResult> UploadReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unit/reports/{deliverableId}")] HttpRequest request, string deliverableId)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => UploadHandlers.ReportAsync(request, deliverableId, submissions, plans, storage, clocks, request.HttpContext.RequestAborted));

    [Function("UploadNomination")]
    public Task<IResult> UploadNomination([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unit/nominations/{roundId}")] HttpRequest request, string roundId)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => UploadHandlers.NominationAsync(
            request, roundId, submissions, plans, storage, clocks, request.HttpContext.RequestAborted));

    [Function("GetTableTemplate")]
    public Task<IResult> GetTableTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unit/tables/{deliverableId}/{formId}/{fieldId}/template")] HttpRequest request, string deliverableId, string formId, string fieldId)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => TableHandlers.TemplateAsync(
            request.HttpContext, deliverableId, formId, fieldId, request.Query["format"], plans, request.HttpContext.RequestAborted));

    [Function("ReadTableRows")]
    public Task<IResult> ReadTableRows(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unit/tables/{deliverableId}/{formId}/{fieldId}/rows")] HttpRequest request, string deliverableId, string formId, string fieldId)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => TableHandlers.RowsAsync(
            request, deliverableId, formId, fieldId, plans, storage, request.HttpContext.RequestAborted));

    [Function("ListKeptNominees")]
    public Task<IResult> ListKeptNominees([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unit/nominees")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => AwardHandlers.KeptAsync(request.HttpContext, registry, request.HttpContext.RequestAborted));

    [Function("ListUnitReceipts")]
    public Task<IResult> ListUnitReceipts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unit/receipts")] HttpRequest request)
        => gate.RunAsync(request, ApiAuth.UnitPolicy, () => UnitHandlers.ReceiptsAsync(request.HttpContext, plans, dossiers, request.HttpContext.RequestAborted));

    /// <summary>
    /// A <see cref="DateTimeOffset"/> query value bound as minimal APIs bind one locally (invariant culture, adjusted to
    /// UTC); a value that does not parse is the same bad request, answered by the API's exception handler inside the gate.
    /// </summary>
    private static DateTimeOffset? QueryInstant(HttpRequest request, string name)
    {
        string? value = request.Query[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var instant)
            ? instant
            : throw new BadHttpRequestException($"Failed to bind parameter \"DateTimeOffset? {name}\" from \"{value}\".");
    }
}
