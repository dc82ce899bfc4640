namespace Workflow.Storage;

/// <summary>What a save left: the version holding the content, and whether the save created it (false: the latest already had it).</summary>
public sealed record PlanDraftWrite(PlanDraftVersion Version, bool Created);
