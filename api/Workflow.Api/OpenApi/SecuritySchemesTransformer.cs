using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Workflow.Api.Security;

namespace Workflow.Api.OpenApi;

/// <summary>Declares the credentials: the operators' key header, Entra ID's bearer token when configured, and the units' link token.</summary>
public sealed class SecuritySchemesTransformer(IOptions<EntraOptions> entra) : IOpenApiDocumentTransformer
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
            Description = "Khoá của tài khoản cán bộ vận hành (wf_…, cấp bằng «workflow operators issue»), hoặc khoá khởi tạo Operator:ApiKey (quản trị toàn hệ thống). "
                + "Vai trò: xem (chỉ GET), vận hành, quản trị; phạm vi: một đơn vị và các đơn vị cấp dưới, hoặc toàn hệ thống (*). Ngoài phạm vi: 403.",
        };
        if (entra.Value.IsConfigured)
        {
            document.Components.SecuritySchemes[ApiAuth.EntraScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = $"Mã truy cập Entra ID (ứng dụng {entra.Value.ClientId}); vai trò từ app role Workflow.Administrator/Operator/Viewer, phạm vi từ claim «{entra.Value.ScopeClaim}».",
            };
        }
        document.Components.SecuritySchemes[ApiAuth.UnitLinkScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Mã trong đường dẫn gửi đơn vị qua thư điện tử (cũng nhận dạng ?token=); hết hạn khi kỳ báo cáo kết thúc.",
        };
        return Task.CompletedTask;
    }
}
