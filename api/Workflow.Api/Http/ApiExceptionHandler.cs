using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Workflow.Api.Http;

/// <summary>
/// Turns what escapes a handler into problem details: body limits become 413, a malformed body 400, storage or the
/// network being down 503 with Retry-After (the client should send again, nothing is wrong with its request), anything
/// else 500 without internals.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var refused = exception is BadHttpRequestException or InvalidDataException;
        var unavailable = !refused && StorageFaults.IsUnavailable(exception);
        var result = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.TooLarge("body", "Yêu cầu vượt quá dung lượng tối đa máy chủ nhận."),
            // The multipart reader reports its length limits this way.
            InvalidDataException ex when ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => ApiProblems.TooLarge("body", "Yêu cầu vượt quá dung lượng tối đa máy chủ nhận."),
            BadHttpRequestException bad => ApiProblems.Problem(bad.StatusCode, "Yêu cầu không hợp lệ", "Máy chủ không đọc được yêu cầu."),
            InvalidDataException => ApiProblems.BadRequest("body", "Máy chủ không đọc được nội dung yêu cầu (định dạng hỏng)."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ when unavailable => Unavailable(httpContext),
            _ => ApiProblems.Problem(StatusCodes.Status500InternalServerError, "Lỗi máy chủ", "Máy chủ gặp lỗi khi xử lý yêu cầu; vui lòng thử lại sau hoặc báo cán bộ vận hành."),
        };
        if (result is null)
        {
            return true;
        }

        if (refused)
        {
            Log.Refused(logger, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        }
        else if (unavailable)
        {
            Log.Unavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        }
        else
        {
            Log.Unhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static IResult Unavailable(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = ((int)StorageFaults.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.Problem(
            StatusCodes.Status503ServiceUnavailable, "Tạm thời không phục vụ được",
            $"Máy chủ tạm thời không kết nối được tới kho lưu trữ; vui lòng thử lại sau {(int)StorageFaults.RetryAfter.TotalSeconds} giây.");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
        public static partial void Unhandled(ILogger logger, string method, string path, Exception exception);

        [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Request {Method} {Path} refused: {Reason}")]
        public static partial void Refused(ILogger logger, string method, string path, string reason);

        [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Request {Method} {Path} answered 503, a dependency is unreachable: {Reason}")]
        public static partial void Unavailable(ILogger logger, string method, string path, string reason);
    }
}
