namespace Workflow.Api.Contracts;

/// <summary>A scale of titles of the plan ("Danh hiệu thi đua tập thể Công an") and its levels, lowest first.</summary>
public sealed record ScaleInfo(string Id, string Name, IReadOnlyList<LevelInfo> Levels);
