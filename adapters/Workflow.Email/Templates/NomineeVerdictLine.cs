namespace Workflow.Email.Templates;

/// <summary>One nominee's verdict as the mail words it.</summary>
public sealed record NomineeVerdictLine(string Name, bool Accepted, IReadOnlyList<string> Reasons);
