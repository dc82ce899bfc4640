using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        services.AddOptions<EntraOptions>().BindConfiguration(EntraOptions.SectionName);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyHandler>(ApiAuth.OperatorKeyScheme, null)
            .AddScheme<AuthenticationSchemeOptions, UnitLinkHandler>(ApiAuth.UnitLinkScheme, null)
            // Registered always, tried only when the Entra section is configured (see the policies below).
            .AddJwtBearer(ApiAuth.EntraScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(ApiAuth.EntraScheme).Configure<IOptions<EntraOptions>>((jwt, entra) => ConfigureEntra(jwt, entra.Value));
        services.AddSingleton<IAuthorizationHandler, OperatorAccessHandler>();
        // Every policy tries every scheme, so a valid credential of the wrong kind gets 403 rather than 401.
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<EntraOptions>>((options, entra) =>
        {
            string[] schemes = entra.Value.IsConfigured
                ? [ApiAuth.OperatorKeyScheme, ApiAuth.EntraScheme, ApiAuth.UnitLinkScheme]
                : [ApiAuth.OperatorKeyScheme, ApiAuth.UnitLinkScheme];
            options.AddPolicy(ApiAuth.OperatorPolicy, policy => Operator(policy, schemes, OperatorAccessMode.Cycle));
            options.AddPolicy(ApiAuth.OperatorAnyScopePolicy, policy => Operator(policy, schemes, OperatorAccessMode.AnyScope));
            options.AddPolicy(ApiAuth.AdministratorPolicy, policy => Operator(policy, schemes, OperatorAccessMode.Administrator));
            options.AddPolicy(ApiAuth.UnitPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuth.OperatorKeyScheme, ApiAuth.UnitLinkScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiAuth.ActorClaim, ApiAuth.UnitActor));
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Localize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddHttpClient(ServiceHealth.HttpClientName);
        services.AddSingleton<ServiceHealth>();
        services.AddOpenApi(options => options
            .AddDocumentTransformer<SecuritySchemesTransformer>()
            .AddOperationTransformer<SecurityRequirementTransformer>()
            .AddDocumentTransformer<ProblemResponsesTransformer>());
        return services;
    }

    private static void Operator(AuthorizationPolicyBuilder policy, string[] schemes, OperatorAccessMode mode) => policy
        .AddAuthenticationSchemes(schemes)
        .RequireAuthenticatedUser()
        .RequireClaim(ApiAuth.ActorClaim, ApiAuth.OperatorActor)
        .AddRequirements(new OperatorAccessRequirement(mode));

    /// <summary>Entra ID's v2 tokens for the API's registration; app roles and the scope claim become the operator's claims.</summary>
    private static void ConfigureEntra(JwtBearerOptions jwt, EntraOptions entra)
    {
        if (!entra.IsConfigured)
        {
            return;
        }

        jwt.Authority = entra.Authority;
        // Claims keep their token names ("roles", "oid", the scope claim), which EntraClaims maps.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidAudiences = string.IsNullOrWhiteSpace(entra.Audience) ? [entra.ClientId, $"api://{entra.ClientId}"] : [entra.Audience];
        jwt.Events = new JwtBearerEvents { OnTokenValidated = context => EntraClaims.MapAsync(context, entra) };
    }
}
