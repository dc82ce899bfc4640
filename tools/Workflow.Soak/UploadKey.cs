namespace Workflow.Soak;

/// <summary>What a unit hands in, and the seed of its report's values.</summary>
internal sealed record UploadKey(string Unit, string Subject, int Seed);
