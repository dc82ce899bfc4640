namespace Workflow.Api.Contracts;

/// <summary>
/// One achievement record as a unit declares it: a title or award of a year and the decision behind it. Its file goes
/// in the multipart part <c>evidence.{id}</c>; evidence and reviews are the server's to set, never the client's.
/// </summary>
public sealed record AchievementBody(
    string? Id,
    int? Year,
    string? Title,
    string? Scale,
    string? Level,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    string? Issuer);
