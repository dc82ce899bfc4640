namespace Workflow.Soak;

/// <summary>Who sent a request: a unit uploading, any other legitimate client (operator, unit reads), or the hostile corpus.</summary>
internal enum Traffic
{
    Upload,
    Other,
    Hostile,
}
