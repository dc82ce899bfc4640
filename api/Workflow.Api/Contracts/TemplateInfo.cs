namespace Workflow.Api.Contracts;

/// <summary>
/// A template file a form of the plan declares, and whether it is attached. <see cref="Url"/> is where it downloads
/// (a unit adds its token); null while it is not attached, so nothing links to a file that is not there.
/// </summary>
public sealed record TemplateInfo(
    string Deliverable,
    string Form,
    string FormTitle,
    string Title,
    string File,
    bool Attached,
    long? Size,
    string? Sha256,
    DateTimeOffset? AttachedAt,
    string? AttachedAtText,
    string? Url);
