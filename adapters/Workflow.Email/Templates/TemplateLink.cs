namespace Workflow.Email.Templates;

/// <summary>
/// A form's template file as a plan notice lists it: the form, the template's title and file name, and where the unit
/// downloads it; <see cref="Url"/> is null while the file is not attached, and the notice says so instead of linking.
/// </summary>
public sealed record TemplateLink(string FormTitle, string Title, string FileName, string? Url);
