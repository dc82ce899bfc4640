using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Workflow.Api.Http;

namespace Workflow.Api.OpenApi;

/// <summary>
/// Documents the error answers as they are written (<see cref="ApiProblems"/>): one problem schema with the
/// <c>errors</c> list, referenced by every 4xx/5xx response with a Vietnamese description of its status. The answers
/// every route can give without declaring them are added too: 401/403 where a credential is required, 400/413 where a
/// body is read, 503 with Retry-After everywhere (storage out of reach).
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "ApiProblem";
    public const string FieldErrorSchema = "ApiFieldError";
    public const string ProblemContentType = "application/problem+json";

    // The framework's own schemas, which ProducesProblem references; replaced by ours, so dropped once unreferenced.
    private static readonly string[] FrameworkSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "Yêu cầu không hợp lệ: `errors` nêu từng trường sai — `field` là tên tham số, trường biểu mẫu hoặc đường dẫn JSON (ví dụ `nomination.proposedBy`), `message` là lỗi.",
        [401] = "Chưa xác thực: thiếu hoặc sai khoá cán bộ vận hành (X-Api-Key), hoặc mã đường dẫn của đơn vị không hợp lệ hay đã hết hạn. Kèm header WWW-Authenticate.",
        [403] = "Không có quyền: thông tin xác thực hợp lệ nhưng vai trò, phạm vi hoặc loại thông tin xác thực không cho phép chức năng này; `detail` nêu lý do.",
        [404] = "Không tìm thấy: kỳ báo cáo, đơn vị, tệp, thư hoặc tài khoản nêu trong địa chỉ không tồn tại hoặc nằm ngoài phạm vi của thông tin xác thực.",
        [405] = "Phương thức không được hỗ trợ: địa chỉ này không nhận phương thức HTTP đã dùng.",
        [408] = "Quá thời gian: yêu cầu không hoàn tất trong thời gian tối đa máy chủ cho phép.",
        [409] = "Xung đột trạng thái: yêu cầu đúng dạng nhưng trạng thái hiện tại không cho phép (ví dụ kỳ đã kết thúc, hạn đã qua, đã quyết định); `errors` có thể nêu trường liên quan.",
        [413] = "Tệp hoặc yêu cầu quá lớn: vượt dung lượng tối đa máy chủ nhận; `errors` nêu trường (tệp, hoặc `body` cho cả yêu cầu).",
        [415] = "Định dạng không được chấp nhận: loại nội dung của yêu cầu hoặc loại tệp (kiểm tra theo nội dung, không theo đuôi tệp) không đúng; `errors` nêu trường.",
        [500] = "Lỗi máy chủ: lỗi ngoài dự kiến khi xử lý yêu cầu; câu trả lời không kèm chi tiết nội bộ.",
        [503] = "Tạm thời không phục vụ được: máy chủ không kết nối được tới kho lưu trữ; yêu cầu không sai, hãy gửi lại sau số giây trong header Retry-After.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[FieldErrorSchema] = FieldError();
        document.Components.Schemas[ProblemSchema] = Problem(document);

        var operations = (document.Paths ?? []).Values.SelectMany(path => path.Operations ?? []).Select(entry => entry.Value);
        foreach (var operation in operations)
        {
            var responses = operation.Responses ??= [];
            AddMissing(responses, operation);
            foreach (var status in responses.Keys.ToList())
            {
                if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 400 && IsProblem(responses[status]))
                {
                    responses[status] = Response(code, document);
                }
            }
        }

        foreach (var name in FrameworkSchemas.Where(name => !Referenced(document, name)))
        {
            document.Components.Schemas.Remove(name);
        }

        return Task.CompletedTask;
    }

    private static void AddMissing(OpenApiResponses responses, OpenApiOperation operation)
    {
        List<int> implied = [503];
        if (operation.Security is { Count: > 0 })
        {
            implied.AddRange([401, 403]);
        }

        if (operation.RequestBody is not null)
        {
            implied.AddRange([400, 413]);
        }

        foreach (var code in implied)
        {
            // An empty placeholder: the loop that follows gives it the problem content and the description.
            responses.TryAdd(code.ToString(CultureInfo.InvariantCulture), new OpenApiResponse());
        }
    }

    /// <summary>Declared without content, or with the framework's problem schema; a documented body of another type (health's 503) is kept.</summary>
    private static bool IsProblem(IOpenApiResponse response) =>
        response.Content is not { Count: > 0 } content
        || content.ContainsKey(ProblemContentType)
        || content.Values.Any(media => media.Schema is OpenApiSchemaReference { Reference.Id: { } id } && FrameworkSchemas.Contains(id));

    private static OpenApiResponse Response(int code, OpenApiDocument document)
    {
        var response = new OpenApiResponse
        {
            Description = Descriptions.GetValueOrDefault(code, "Lỗi, trả lời theo RFC 7807 (problem details)."),
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) } },
        };
        if (code == 503)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = $"Số giây nên chờ trước khi gửi lại ({(int)StorageFaults.RetryAfter.TotalSeconds}).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }
        else if (code == 401)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["WWW-Authenticate"] = new OpenApiHeader { Description = "Các cách xác thực được nhận.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return response;
    }

    private static OpenApiSchema FieldError() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Một trường sai trong yêu cầu.",
        Required = new HashSet<string> { "field", "message" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["field"] = Text("Tên tham số, trường biểu mẫu hoặc đường dẫn JSON của trường sai; `body` cho cả yêu cầu."),
            ["message"] = Text("Lỗi, bằng tiếng Việt."),
        },
    };

    private static OpenApiSchema Problem(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Câu trả lời lỗi theo RFC 7807 (application/problem+json): tiêu đề và chi tiết bằng tiếng Việt, kèm danh sách `errors` (có thể rỗng).",
        Required = new HashSet<string> { "title", "status", "errors" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("Địa chỉ mô tả loại lỗi (RFC 9110)."),
            ["title"] = Text("Tiêu đề ngắn của loại lỗi, ví dụ «Không tìm thấy», «Xung đột trạng thái»."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Mã trạng thái HTTP." },
            ["detail"] = Text("Giải thích cho lần trả lời này."),
            ["instance"] = Text("Địa chỉ của yêu cầu gây lỗi, nếu có."),
            ["traceId"] = Text("Mã truy vết, để đối chiếu với nhật ký máy chủ."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Các trường sai; rỗng khi lỗi không gắn với trường nào.",
                Items = new OpenApiSchemaReference(FieldErrorSchema, document),
            },
        },
        Examples =
        [
            new JsonObject
            {
                ["title"] = "Yêu cầu không hợp lệ",
                ["status"] = 400,
                ["detail"] = "Gửi đúng một tệp bảng (.xlsx hoặc .csv) trong trường «file».",
                ["errors"] = new JsonArray(new JsonObject { ["field"] = "file", ["message"] = "Gửi đúng một tệp bảng (.xlsx hoặc .csv) trong trường «file»." }),
            },
        ],
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static bool Referenced(OpenApiDocument document, string schema) =>
        (document.Paths ?? []).Values.SelectMany(path => path.Operations ?? []).SelectMany(entry => entry.Value.Responses ?? [])
            .SelectMany(response => response.Value.Content ?? new Dictionary<string, OpenApiMediaType>())
            .Any(media => media.Value.Schema is OpenApiSchemaReference { Reference.Id: { } id } && id == schema);
}
