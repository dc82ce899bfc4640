using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Workflow.MailSink;

/// <summary>The mail sink in-process, on 127.0.0.1 and a free port, for tests.</summary>
public sealed class MailSinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MailSinkServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Recorder = app.Services.GetRequiredService<MailRecorder>();
    }

    public string BaseUrl { get; }

    public MailRecorder Recorder { get; }

    /// <summary>The requests SendGrid would have accepted.</summary>
    public IReadOnlyList<RecordedMail> Accepted => [.. Recorder.Messages.Where(m => m.Accepted)];

    public static async Task<MailSinkServer> StartAsync(string? journalPath = null, CancellationToken cancellationToken = default)
    {
        List<string> args = ["--urls", "http://127.0.0.1:0"];
        if (journalPath is not null)
        {
            args.Add($"--{MailSinkOptions.SectionName}:JournalPath={journalPath}");
        }

        var app = MailSinkApp.Create([.. args]);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MailSinkServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
