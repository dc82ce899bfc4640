using System.ComponentModel.DataAnnotations;

namespace Workflow.Api.Security;

/// <summary>The operators' credential, bound from "Operator"; the key comes from the environment or user secrets, never the repository.</summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Operator";

    [Required(ErrorMessage = "Operator:ApiKey is not set: give the operators' key (environment variable Operator__ApiKey).")]
    [MinLength(16)]
    public string ApiKey { get; set; } = "";
}
