namespace Workflow.Api.Http;

/// <summary>One field at fault in a request: its name or JSON path, and what is wrong, in Vietnamese.</summary>
public sealed record FieldError(string Field, string Message);
