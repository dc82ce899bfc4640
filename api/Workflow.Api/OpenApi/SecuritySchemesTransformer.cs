using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Workflow.Api.Security;

namespace Workflow.Api.OpenApi;

/// <summary>Declares the two credentials: the operators' key header and the units' link token.</summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiAuth.OperatorKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiAuth.ApiKeyHeader,
            Description = "Khoá của cán bộ vận hành (Operator:ApiKey).",
        };
        document.Components.SecuritySchemes[ApiAuth.UnitLinkScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Mã trong đường dẫn gửi đơn vị qua thư điện tử (cũng nhận dạng ?token=); hết hạn khi kỳ báo cáo kết thúc.",
        };
        return Task.CompletedTask;
    }
}
