using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Workflow.Api.Security;

namespace Workflow.Api.OpenApi;

/// <summary>
/// Marks each operation with the credentials its policy accepts: every operator policy takes the operator key, and Entra
/// ID's bearer token as an alternative when it is configured; unit routes take the unit's link token.
/// </summary>
public sealed class SecurityRequirementTransformer(IOptions<EntraOptions> entra) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var policy = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        string[] schemes = policy switch
        {
            ApiAuth.OperatorPolicy or ApiAuth.OperatorAnyScopePolicy or ApiAuth.AdministratorPolicy when entra.Value.IsConfigured => [ApiAuth.OperatorKeyScheme, ApiAuth.EntraScheme],
            ApiAuth.OperatorPolicy or ApiAuth.OperatorAnyScopePolicy or ApiAuth.AdministratorPolicy => [ApiAuth.OperatorKeyScheme],
            ApiAuth.UnitPolicy => [ApiAuth.UnitLinkScheme],
            _ => [],
        };

        // Each entry is an alternative: any one of the schemes is enough.
        foreach (var scheme in schemes)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
