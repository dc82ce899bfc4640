namespace Workflow.Api.Http;

/// <summary>Why a file's content is refused, in Vietnamese; <paramref name="TooLarge"/> when it is its expanded size or entry count (413, not 415).</summary>
public sealed record ContentProblem(string Message, bool TooLarge = false);
