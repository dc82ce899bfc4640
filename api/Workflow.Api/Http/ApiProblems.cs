using Microsoft.AspNetCore.Mvc;

namespace Workflow.Api.Http;

/// <summary>RFC 7807 answers: a Vietnamese title and detail, and an <c>errors</c> array of {field, message}.</summary>
public static class ApiProblems
{
    public static IResult Problem(int status, string title, string detail, IEnumerable<FieldError>? errors = null) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { ["errors"] = (errors ?? []).ToList() },
        });

    public static IResult BadRequest(string detail, IEnumerable<FieldError> errors) =>
        Problem(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", detail, errors);

    public static IResult BadRequest(string field, string message) =>
        BadRequest(message, [new FieldError(field, message)]);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    public static IResult Conflict(string detail, IEnumerable<FieldError>? errors = null) =>
        Problem(StatusCodes.Status409Conflict, "Xung đột trạng thái", detail, errors);

    public static IResult TooLarge(string field, string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Tệp hoặc yêu cầu quá lớn", detail, [new FieldError(field, detail)]);

    public static IResult UnsupportedType(string field, string detail) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Định dạng không được chấp nhận", detail, [new FieldError(field, detail)]);

    /// <summary>Problems the framework writes itself (unknown route, wrong method) get a Vietnamese title and the same shape.</summary>
    public static void Localize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("errors"))
        {
            return;
        }

        (problem.Title, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status404NotFound => ("Không tìm thấy", problem.Detail ?? "Không có địa chỉ này."),
            StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ", problem.Detail ?? "Địa chỉ này không nhận phương thức HTTP đã dùng."),
            StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ", problem.Detail ?? "Máy chủ không đọc được yêu cầu."),
            // Routing refuses a Content-Type the route does not accept (its Accepts metadata) before any handler runs.
            StatusCodes.Status415UnsupportedMediaType => ("Định dạng không được chấp nhận", "Địa chỉ này không nhận kiểu nội dung (Content-Type) đã gửi; xem các kiểu được nhận trong tài liệu API."),
            _ => (problem.Title, problem.Detail),
        };
        problem.Extensions["errors"] = problem.Status == StatusCodes.Status415UnsupportedMediaType ? [new FieldError("body", problem.Detail!)] : new List<FieldError>();
    }

    public static IResult CycleNotFound(string cycleId) => NotFound($"Không có kỳ báo cáo «{cycleId}».");
}
