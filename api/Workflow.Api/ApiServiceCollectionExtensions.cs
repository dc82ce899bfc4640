using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Health;
using Workflow.Api.Http;
using Workflow.Api.OpenApi;
using Workflow.Api.Security;

namespace Workflow.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// What the handlers need besides the cycle's services: the two authentication schemes and their policies, problem
    /// details with the exception handler, the API's JSON settings, the health probes and the OpenAPI document.
    /// </summary>
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services)
    {
        services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyHandler>(ApiAuth.OperatorKeyScheme, null)
            .AddScheme<AuthenticationSchemeOptions, UnitLinkHandler>(ApiAuth.UnitLinkScheme, null);
        // Both policies try both schemes, so a valid credential of the wrong kind gets 403 rather than 401.
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuth.OperatorPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuth.OperatorKeyScheme, ApiAuth.UnitLinkScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiAuth.ActorClaim, ApiAuth.OperatorActor))
            .AddPolicy(ApiAuth.UnitPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuth.OperatorKeyScheme, ApiAuth.UnitLinkScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiAuth.ActorClaim, ApiAuth.UnitActor));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Localize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddHttpClient(ServiceHealth.HttpClientName);
        services.AddSingleton<ServiceHealth>();
        services.AddOpenApi(options => options.AddDocumentTransformer<SecuritySchemesTransformer>().AddOperationTransformer<SecurityRequirementTransformer>());
        return services;
    }
}
