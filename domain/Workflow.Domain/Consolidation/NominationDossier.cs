namespace Workflow.Domain.Consolidation;

/// <summary>A proposal as received: the nominee record and the documents its dossier holds.</summary>
public sealed record NominationDossier(Nomination Nomination, IReadOnlyList<SubmittedDocument> Documents);
