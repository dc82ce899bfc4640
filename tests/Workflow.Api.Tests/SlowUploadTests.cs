using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Host;

namespace Workflow.Api.Tests;

/// <summary>The deadline is decided by the last byte of the body, and Kestrel bounds how slowly a body may come.</summary>
public sealed class SlowUploadTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task ANominationStartedBeforeTheDeadline_AndFinishedAfterIt_IsJudgedByItsLastByte_AndRefused()
    {
        using var slow = host.Unit(await host.TokenAsync("bcd-tan-yen"));
        using var quick = host.Unit(await host.TokenAsync("bcd-luc-nam"));
        var path = $"/api/unit/nominations/{Uploads.Round}";
        await host.AdvanceAsync(ApiHost.Vn(3, 31, 23, 59, 59));

        // All but the last bytes go at 23:59:59; the body is large so Kestrel's minimum rate holds during the pause.
        using var form = Dossier("de-nghi-cham", "bcd-tan-yen");
        var body = await form.ReadAsByteArrayAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var trickled = new TrickledContent(body, body.Length - 64, sent, release.Task);
        trickled.Headers.ContentType = form.Headers.ContentType;
        var posting = slow.PostAsync(path, trickled);
        await sent.Task;

        // The same dossier sent whole in that second is on time.
        var onTime = await ApiHost.ReadAsync(await quick.PostAsync(path, Dossier("de-nghi-nhanh", "bcd-luc-nam")), HttpStatusCode.Created);
        Assert.Equal("31/03/2024 23:59:59", onTime.GetProperty("receivedAtText").GetString());

        // The round's deadline passes while the slow body is still arriving; then its last bytes come.
        await host.AdvanceAsync(ApiHost.Vn(4, 1));
        release.SetResult();
        var (problem, fields) = await ApiHost.ProblemAsync(await posting, HttpStatusCode.Conflict);
        Assert.Contains("00:00:00 01/04/2024", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(fields, f => Assert.Equal("files", f));
        var nominees = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/nominations/{Uploads.Round}");
        Assert.Equal(["de-nghi-nhanh"], nominees.EnumerateArray().Select(n => n.GetProperty("nominationId").GetString()));
    }

    [Fact]
    public void Kestrel_BoundsHeadersBodyRateAndRequestDuration_WithTheHostsOptions()
    {
        var expected = new WorkflowHostOptions();
        var limits = host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(expected.RequestHeadersTimeout, limits.RequestHeadersTimeout);
        Assert.Equal((expected.MinRequestBodyBytesPerSecond, expected.MinRequestBodyGrace), (limits.MinRequestBodyDataRate!.BytesPerSecond, limits.MinRequestBodyDataRate.GracePeriod));
        var timeouts = host.Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value;
        Assert.Equal((expected.MaxRequestDuration, 408), (timeouts.DefaultPolicy!.Timeout, timeouts.DefaultPolicy.TimeoutStatusCode));
    }

    /// <summary>A nomination dossier whose first file is padded to 200 KB.</summary>
    private static MultipartFormDataContent Dossier(string id, string unitId)
    {
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(Uploads.Nomination(id, unitId)), Encoding.UTF8), "nomination" } };
        for (var i = 0; i < Uploads.DocumentIds.Length; i++)
        {
            var text = i == 0 ? new string('x', 200_000) : Uploads.DocumentIds[i];
            form.Add(Uploads.File(Uploads.Pdf(text), "application/pdf"), "files", $"{Uploads.DocumentIds[i]}.pdf");
        }

        return form;
    }

    /// <summary>A body sent in two parts: the first at once, the rest when released.</summary>
    private sealed class TrickledContent(byte[] body, int first, TaskCompletionSource sent, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, first));
            await stream.FlushAsync();
            sent.TrySetResult();
            await release;
            await stream.WriteAsync(body.AsMemory(first));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
