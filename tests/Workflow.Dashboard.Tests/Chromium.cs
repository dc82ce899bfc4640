using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Workflow.Dashboard.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with a fresh profile and every request that would leave the
/// machine blocked and recorded (the dashboard must load nothing from elsewhere).
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Chromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public ConcurrentQueue<string> OffMachineRequests { get; } = new();

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}: the dashboard test needs Debian's 'chromium' package. "
                + "`./run test` installs it; by hand: apt-get update && apt-get install -y chromium. (Never `playwright install`.)");
        }

        var profile = Directory.CreateTempSubdirectory("workflow-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        // Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this machine refuses.
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var chromium = new Chromium(playwright, context, profile);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Host != "127.0.0.1")
            {
                chromium.OffMachineRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        return chromium;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
