namespace Workflow.Domain.Scheduling;

/// <summary>
/// A deadline of a plan being drafted, as its editor shows it beside the field at <see cref="Field"/> (a JSON path): the
/// last second still accepted (UTC) and that instant in words in the plan's zone ("nhận đến 23:59:59 30/04/2024").
/// </summary>
public sealed record PreviewDeadline(string Field, string Subject, string Title, DateTimeOffset LastAccepted, string Text);
