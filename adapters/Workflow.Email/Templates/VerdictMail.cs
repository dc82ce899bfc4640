namespace Workflow.Email.Templates;

/// <summary>A proposer's nominees in a judged round: each accepted, or refused with the reasons (quota, criteria, dossier).</summary>
public sealed record VerdictMail(string UnitName, string PlanNumber, string RoundTitle, IReadOnlyList<NomineeVerdictLine> Nominees, UploadLink Link, bool Revised = false);
