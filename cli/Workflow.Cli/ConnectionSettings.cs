namespace Workflow.Cli;

/// <summary>Where the host is and the operator key, from the options first and the environment second.</summary>
internal sealed record ConnectionSettings(Uri BaseAddress, string Key)
{
    public static (ConnectionSettings? Settings, string? Problem) Resolve(string? url, string? key, Func<string, string?> environment)
    {
        var address = url ?? NonEmpty(environment(CliApp.UrlVariable)) ?? CliApp.DefaultUrl;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, $"Địa chỉ máy chủ không hợp lệ: «{address}» (ví dụ {CliApp.DefaultUrl}).");
        }

        var operatorKey = key ?? NonEmpty(environment(CliApp.KeyVariable));
        if (operatorKey is null)
        {
            return (null, $"Thiếu khoá vận hành: dùng --key <khoá> hoặc đặt biến môi trường {CliApp.KeyVariable}.");
        }

        // A trailing slash makes relative routes resolve under any path prefix the host sits behind.
        var root = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return (new ConnectionSettings(root, operatorKey), null);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
