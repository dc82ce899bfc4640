using Azure;

namespace Workflow.Email;

/// <summary>A key this sender holds as pending, with the ETag that proves it, to mark sent or release.</summary>
public sealed record ClaimedKey(string Key, ETag ETag);
