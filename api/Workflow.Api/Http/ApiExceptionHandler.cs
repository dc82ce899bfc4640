using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Workflow.Api.Http;

/// <summary>Turns what escapes a handler into problem details: body limits become 413, anything else 500 without internals.</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var result = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.TooLarge("body", "Yêu cầu vượt quá dung lượng tối đa máy chủ nhận."),
            // The multipart reader reports its length limits this way.
            InvalidDataException ex when ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => ApiProblems.TooLarge("body", "Yêu cầu vượt quá dung lượng tối đa máy chủ nhận."),
            BadHttpRequestException bad => ApiProblems.Problem(bad.StatusCode, "Yêu cầu không hợp lệ", "Máy chủ không đọc được yêu cầu."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => ApiProblems.Problem(StatusCodes.Status500InternalServerError, "Lỗi máy chủ", "Máy chủ gặp lỗi khi xử lý yêu cầu; vui lòng thử lại sau hoặc báo cán bộ vận hành."),
        };
        if (result is null)
        {
            return true;
        }

        if (exception is BadHttpRequestException or InvalidDataException)
        {
            Log.Refused(logger, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        }
        else
        {
            Log.Unhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
        public static partial void Unhandled(ILogger logger, string method, string path, Exception exception);

        [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Request {Method} {Path} refused: {Reason}")]
        public static partial void Refused(ILogger logger, string method, string path, string reason);
    }
}
