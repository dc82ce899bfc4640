using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;

namespace Workflow.Api.Tests;

/// <summary>
/// Every route the host maps (read from its endpoint data source, so a new route is driven too) with a generated corpus
/// of hostile paths, query strings, bodies and credentials. Nothing answers 5xx, nothing hostile is accepted, and no
/// blob or table row is written by a refused request (audit rows aside: every refused upload attempt is audited).
/// </summary>
public sealed partial class HostileInputTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Unit = "bcd-viet-yen";

    /// <summary>Path values that must never reach storage as keys: oversize, traversal, encodings, markup, control characters.</summary>
    private static readonly string[] HostileSegments =
    [
        new string('a', 250), new string('x', 101), "..", "%2e%2e", "a%2Fb", "%00", "a%20b", "k%E1%BB%B3-b%C3%A1o", "%FF%FE", "%C0%AF",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20or%20PartitionKey%20ne%20'", "-1", "%E2%80%AE", "con", "%F0%9F%92%A5%F0%9F%92%A5", ".hidden",
    ];

    private static readonly string[] HostileQueries =
    [
        "?status=" + new string('x', 3000), "?status=1", "?status=Running,,%00", "?pageSize=-1", "?pageSize=99999999999", "?pageSize=1e3",
        "?createdFrom=h%C3%B4m-qua", "?createdFrom=0001-01-01&createdTo=9999-12-31T23:59:59%2B14:00", "?prefix=" + new string('p', 500),
        "?prefix=%00%FF", "?continuationToken=" + new string('c', 2000), "?continuationToken=%7B%22a%22:1%7D", "?continuationToken=%FF",
        "?subject=" + new string('s', 300), "?block=%00", "?subject=&block=", "?id=" + new string('i', 250) + "&rehearsal=step",
        "?rehearsal=NaN", "?rehearsal=1e309", "?rehearsal=-0", "?from=hom-qua", "?from=0001-01-01T00:00:00Z&rehearsal=step",
    ];

    [Fact]
    public async Task EveryRoute_WithAHostileCorpus_AnswersBelow500_AcceptsNothing_AndWritesNothingButAuditRows()
    {
        var token = await host.TokenAsync(Unit);
        using var unit = host.Unit(token);
        await WaitUntilQuietAsync();
        var before = await CountWritesAsync();

        var routes = Routes();
        Assert.True(routes.Count >= 20, string.Join(", ", routes));
        var requests = new List<(string Pattern, Func<HttpRequestMessage> Make)>();
        foreach (var (method, pattern) in routes)
        {
            var isUnit = pattern.StartsWith("/api/unit", StringComparison.Ordinal);
            var credential = isUnit ? (Action<HttpRequestMessage>)(r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token))
                : r => r.Headers.Add("X-Api-Key", ApiHost.OperatorKey);

            // Every path parameter in turn takes every hostile value, the others their real value.
            var parameters = Parameters(pattern);
            foreach (var parameter in parameters)
            {
                foreach (var segment in HostileSegments.Concat(parameter == "version" ? ["0", "-1", "2147483648", "1.5"] : []))
                {
                    var path = Fill(pattern, parameter, segment);
                    requests.Add((pattern, () => Request(method, path, credential, Writes(method) ? Bodies(pattern)[0] : null)));
                    // Bodies that would be valid for a real cycle are sent only where the id is hostile; a draft may be
                    // named "con" or "-1" and hold any object, so only its ids outside the alphabet are hostile.
                    if (Writes(method) && !(StoresAnyObject(pattern) && SafeId().IsMatch(Uri.UnescapeDataString(segment))))
                    {
                        requests.Add((pattern, () => Request(method, path, credential, new Body("{}", "application/json"))));
                    }
                }
            }

            var real = Fill(pattern, null, null);
            foreach (var query in method == "GET" || parameters.Count == 0 ? HostileQueries : [])
            {
                requests.Add((pattern, () => Request(method, real + query, credential, Writes(method) ? Bodies(pattern)[0] : null)));
            }

            if (Writes(method))
            {
                foreach (var body in Bodies(pattern))
                {
                    requests.Add((pattern, () => Request(method, real, credential, body)));
                }
            }

            // Hostile credentials: forged, non-canonical and oversize tokens and keys, never a server error.
            foreach (var header in HostileCredentials(token))
            {
                requests.Add((pattern, () => Request(method, real, header, Writes(method) ? new Body("{}", "application/json") : null)));
            }
        }

        var failures = new List<string>();
        using var client = new HttpClient { BaseAddress = host.Anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var (pattern, make) in requests)
        {
            using var request = make();
            var sent = request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
            var description = $"{request.Method} {request.RequestUri} «{sent[..Math.Min(sent.Length, 300)]}»";
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500 || (Writes(request.Method.Method) && status < 400 && !AnswersOnly(pattern)))
            {
                var body = await response.Content.ReadAsStringAsync();
                failures.Add($"{status} {description}: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.True(requests.Count >= 300, $"Only {requests.Count} requests.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} hostile requests were accepted or answered 5xx:\n" + string.Join('\n', failures));
        Assert.Equal(before, await CountWritesAsync());
    }

    /// <summary>The API's routes as the host maps them: method and pattern.</summary>
    private List<(string Method, string Pattern)> Routes() =>
    [
        .. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!))),
    ];

    /// <summary>Requests that change something: none of them may be accepted.</summary>
    private static bool Writes(string method) => method is "POST" or "PUT";

    /// <summary>
    /// The plan editor's check answers 200 about any JSON object (a draft with errors is its normal case) and stores
    /// nothing, which the count of writes shows; it must still never answer 5xx.
    /// </summary>
    private static bool AnswersOnly(string pattern) => pattern == "/api/plans/check";

    /// <summary>A plan draft is stored as whatever JSON object the editor holds: only what is not one may be sent to it.</summary>
    private static bool StoresAnyObject(string pattern) => pattern == "/api/plans/drafts/{draftId}";

    /// <summary>The id alphabet of blob names and table keys (<c>SubmissionKey</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial System.Text.RegularExpressions.Regex SafeId();

    /// <summary>A body a draft would store: JSON, UTF-8, an object, whose every string can be written back.</summary>
    private static bool IsDraft(Body body)
    {
        if (body.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || !System.Text.Unicode.Utf8.IsValid(body.Bytes))
        {
            return false;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body.Bytes, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var writer = new System.Text.Json.Utf8JsonWriter(Stream.Null);
            document.RootElement.WriteTo(writer);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static List<string> Parameters(string pattern) =>
        [.. System.Text.RegularExpressions.Regex.Matches(pattern, @"\{(\w+)(:\w+)?\}").Select(m => m.Groups[1].Value)];

    /// <summary>The pattern with real values for the fixture's cycle, and <paramref name="hostile"/> in place of <paramref name="parameter"/>.</summary>
    private static string Fill(string pattern, string? parameter, string? hostile) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:\w+)?\}", m => m.Groups[1].Value == parameter ? hostile! : m.Groups[1].Value switch
        {
            "id" => ApiHost.CycleId,
            // An account that does not exist: revoking or rotating it must be refused.
            "operatorId" => "khongco0000",
            "roundId" => pattern.Contains("/picks/", StringComparison.Ordinal) ? "bang-khen-chu-tich-tinh" : Uploads.Round,
            // A rule that has its numbers from the plan: setting them again must be refused.
            "quotaId" => "gd-huyen",
            "deliverableId" or "subject" => Uploads.Report,
            "unitId" => Unit,
            // A relay of the sample: what it issues must be a valid request, which no hostile body is.
            "relayId" => "bcd-yen-the",
            // The sample has no table field: a number field stands in, which the table routes must refuse.
            "formId" => "bieu-01-dac-diem-tinh-hinh",
            "fieldId" => "soKhuCongNghiep",
            "name" => "tong-hop.csv",
            // A template the fixture's plan does not declare: an attachment must be refused, not stored.
            "file" => "bieu-mau-3.xlsx",
            "version" => "1",
            // A key the outbox does not hold: a resend of it must be refused, not sent.
            "key" => $"{ApiHost.CycleId}:khong-co:thu",
            // A piece that never failed: a retry of it must be refused, not run.
            "pieceId" => "khong-co-phan-loi",
            // A nomination nobody sent, and a record of it: nothing can be reviewed.
            "nominationId" => "khong-co-de-nghi",
            "recordId" => "tt-2023",
            // A snapshot never taken: nothing of it can be read.
            "snapshotId" => "20240311T020000Z-khongco",
            // A draft nobody saved: nothing of it can be read, and no hostile body may create it.
            "draftId" => "ban-nhap-khong-co",
            _ => throw new InvalidOperationException($"No value for {{{m.Groups[1].Value}}} in {pattern}."),
        });

    private static HttpRequestMessage Request(string method, string path, Action<HttpRequestMessage> credential, Body? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        credential(request);
        if (body is not null)
        {
            var content = new ByteArrayContent(body.Bytes);
            if (body.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
            }

            request.Content = content;
        }

        return request;
    }

    /// <summary>Bodies none of which may be accepted on the fixture's real cycle.</summary>
    private static List<Body> Bodies(string pattern) =>
        pattern.EndsWith("/templates/{file}", StringComparison.Ordinal) ? TemplateBodies.Value
        : StoresAnyObject(pattern) ? [.. JsonBodies.Value.Where(b => !IsDraft(b))]
        : !pattern.Contains("/api/unit/", StringComparison.Ordinal) ? JsonBodies.Value
        : pattern.Contains("/nominations/", StringComparison.Ordinal) ? NominationBodies.Value
        : ReportBodies.Value;

    private static readonly Lazy<List<Body>> JsonBodies = new(() => new List<Body>
        {
            new("{", "application/json"), new("{\"a\":", "application/json"), new("{}}", "application/json"), new("[]", "application/json"),
            new("\"x\"", "application/json"), new("5", "application/json"), new("null", "application/json"), new("{\"unknown\": 1}", "application/json"),
            new("{\"reason\": 5}", "application/json"), new("{\"reason\": {\"x\": null}}", "application/json"), new("{\"reason\": [null]}", "application/json"),
            new("{\"reason\": \"" + new string('r', 5000) + "\"}", "application/json"),
            new("{\"to\": \"h\\u00f4m qua\"}", "application/json"), new("{\"to\": 12}", "application/json"), new("{\"to\": \"0001-01-01T00:00:00Z\"}", "application/json"),
            new("{\"to\": null, \"x\": 1}", "application/json"),
            new("{\"subject\": null, \"newDeadline\": null, \"units\": null, \"requestedBy\": null, \"reason\": null}", "application/json"),
            new("{\"subject\": 5, \"units\": [null, 7, {}]}", "application/json"), new("{\"newDeadline\": {\"semantics\": 5}}", "application/json"),
            new("{\"newDeadline\": {\"semantics\": \"before\", \"date\": \"31/03/2024\"}}", "application/json"),
            new("{\"nominations\": null, \"pickedBy\": null}", "application/json"), new("{\"nominations\": [null, 5]}", "application/json"),
            new("{\"nominations\": \"x\", \"pickedBy\": []}", "application/json"),
            new("{\"max\": 99999999999, \"requestedBy\": \"pv01\", \"reason\": \"x\"}", "application/json"), new("{\"max\": -1, \"requestedBy\": \"pv01\", \"reason\": \"x\"}", "application/json"),
            new("{\"max\": \"3\", \"requestedBy\": \"pv01\"}", "application/json"), new("{\"max\": 1.5, \"minPolice\": null}", "application/json"),
            new("{\"max\": 2, \"requestedBy\": \"pv01\", \"reason\": \"x\"}", "application/json"),
            new(new string('[', 5000) + new string(']', 5000), "application/json"), new("{\"reason\": 1e400}", "application/json"),
            new([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "application/json"), new([0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D], "application/json"),
            new("{\"reason\": \"\\ud800\"}", "application/json"), new("{\"reason\": [\"a\"]}", "application/json; charset=utf-7"),
            new("{\"reason\": 5}", "text/plain; charset=\u0001"), new("<plan/>", "application/xml"), new("{\"id\": \"x\"", null),
            // A start with templates: no plan, a part it does not take, a plan that is not one, a template of no plan.
            Raw("multipart/form-data; boundary=b", Multipart("b", ("templates", "phu-luc.docx", Uploads.Docx("x")))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("plan", "ke-hoach.json", "{}"u8.ToArray()), ("khac", null, "x"u8.ToArray()))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("plan", null, "null"u8.ToArray()), ("templates", "phu-luc.docx", Uploads.Docx("x")))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("plan", "ke-hoach.json", [0xC3, 0x28, 0xA0]), ("plan", null, "{}"u8.ToArray()))),
        });

    /// <summary>Files none of which may be attached on the fixture's cycle, whose plan declares no template.</summary>
    private static readonly Lazy<List<Body>> TemplateBodies = new(() =>
    [
        Raw("application/octet-stream", Uploads.Xlsx("mẫu")), Raw("application/octet-stream", []), Raw("application/octet-stream", ZipBomb(200L * 1024 * 1024)),
        Raw("application/octet-stream", PlainZip()), Raw("application/octet-stream", Uploads.Pdf("không phải Excel")),
        Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bieu-mau-3.xlsx", Uploads.Xlsx("mẫu")))), Raw("application/json", "{}"u8.ToArray()),
    ]);

    private static readonly Lazy<List<Body>> ReportBodies = new(() =>
    {
        var pdf = Uploads.Pdf("báo cáo");
        var statistics = "{\"forms\": {}}";
        return
        [
            Raw("multipart/form-data", Multipart("b", ("file", "a.pdf", pdf))),
            Raw("multipart/form-data; boundary=other", Multipart("b", ("file", "a.pdf", pdf))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "a.pdf", pdf))[..60]),
            Raw("multipart/form-data; boundary=b", "--b--\r\n"u8.ToArray()),
            Raw("multipart/form-data; boundary=b", "--b\r\n\r\nno disposition\r\n--b--\r\n"u8.ToArray()),
            Raw("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n%PDF-1.7\n%%EOF\r\n--b--\r\n"u8.ToArray()),
            Raw("multipart/form-data; boundary=" + new string('b', 200), Multipart(new string('b', 200), ("file", "a.pdf", pdf))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "a\0b.pdf", Uploads.Pdf("x")), ("statistics", null, Encoding.UTF8.GetBytes(statistics)))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", new string('n', 300) + ".pdf", Uploads.Pdf("x")), ("statistics", null, Encoding.UTF8.GetBytes(statistics)))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bao-cao.docx", [.. "PK\u0003\u0004"u8, 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bao-cao.pdf", [.. "%PDF-1.7\n"u8, .. "MZ\u0090\0"u8, .. "\n%%EOF"u8]))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bao-cao.docx", ZipBomb(200L * 1024 * 1024)))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bao-cao.xlsx", PlainZip()))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bao-cao.pdf", "%PDF-1.7\nkhông có phần kết"u8.ToArray()))),
            .. new[] { "null", "[]", "5", "{\"forms\": null}", "{\"forms\": 5}", "{\"forms\": {\"bieu-01-dac-diem-tinh-hinh\": null}}", "{\"forms\": {\"x\": {\"y\": null}}}", new string('{', 3000) }
                .Select(s => Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bao-cao.pdf", pdf), ("statistics", null, Encoding.UTF8.GetBytes(s))))),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("file", "bao-cao.pdf", pdf), ("statistics", null, [0xFF, 0xFE, 0xFD]))),
            Raw("application/x-www-form-urlencoded", "file=x&statistics=null"u8.ToArray()),
            Raw("application/json", "{\"file\": null}"u8.ToArray()),
        ];
    });

    private static readonly Lazy<List<Body>> NominationBodies = new(() =>
    {
        byte[] Json(string s) => Encoding.UTF8.GetBytes(s);
        (string, string?, byte[])[] Files(int count) => [.. Enumerable.Range(0, count).Select(i => ("files", (string?)$"{Uploads.DocumentIds[i]}.pdf", Uploads.Pdf($"tài liệu {i}")))];
        var documents = string.Join(',', Uploads.DocumentIds.Select(d => $"{{\"documentId\": \"{d}\"}}"));
        return
        [
            .. new[]
            {
                "null", "[]", "\"x\"", "{\"id\": null, \"name\": null, \"kind\": null, \"nomineeUnit\": null, \"documents\": null}",
                $"{{\"id\": \"{new string('i', 250)}\", \"name\": \"A\", \"kind\": \"collective\", \"nomineeUnit\": \"{Unit}\", \"documents\": [{documents}]}}",
                $"{{\"id\": \"../x\", \"name\": \"A\", \"kind\": \"collective\", \"nomineeUnit\": \"{Unit}\", \"documents\": [{documents}]}}",
                $"{{\"id\": \"x\", \"name\": 5, \"kind\": \"collective\", \"nomineeUnit\": \"{Unit}\", \"documents\": [{documents}]}}",
                $"{{\"id\": \"x\", \"name\": \"A\", \"kind\": \"tap-the\", \"nomineeUnit\": \"{Unit}\", \"documents\": [{documents}]}}",
                $"{{\"id\": \"x\", \"name\": \"A\", \"kind\": \"collective\", \"nomineeUnit\": \"{Unit}\", \"documents\": [null, 5]}}",
                $"{{\"id\": \"x\", \"name\": \"A\", \"kind\": \"collective\", \"nomineeUnit\": \"{Unit}\", \"isPolice\": null, \"documents\": [{documents}]}}",
                $"{{\"id\": \"x\", \"name\": \"A\", \"kind\": \"collective\", \"nomineeUnit\": \"{Unit}\", \"record\": 5, \"documents\": [{documents}]}}",
                $"{{\"id\": \"x\", \"name\": \"A\", \"kind\": \"collective\", \"nomineeUnit\": \"{Unit}\", \"documents\": [{documents}], \"extra\": true}}",
                new string('[', 3000),
            }.Select(n => Raw("multipart/form-data; boundary=b", Multipart("b", [("nomination", null, Json(n)), .. Files(6)]))),
            Raw("multipart/form-data; boundary=b", Multipart("b", [("nomination", null, Json(JsonOf(Uploads.Nomination("dn-1", Unit)))), .. Files(5)])),
            Raw("multipart/form-data; boundary=b", Multipart("b", [("nomination", null, Json(JsonOf(Uploads.Nomination("dn-2", Unit)))), .. Files(5), ("files", "to-trinh.docx", PlainZip())])),
            Raw("multipart/form-data; boundary=b", Multipart("b", [("nomination", null, [0xC3, 0x28, 0xA0, 0xA1])])),
            Raw("multipart/form-data; boundary=b", Multipart("b", ("nomination", null, Json(JsonOf(Uploads.Nomination("dn-3", Unit)))))[..100]),
            Raw("multipart/form-data", "--b\r\n"u8.ToArray()),
        ];
    });

    private static string JsonOf(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static Body Raw(string contentType, byte[] bytes) => new(bytes, contentType);

    private static byte[] Multipart(string boundary, params (string Name, string? FileName, byte[] Content)[] parts)
    {
        using var buffer = new MemoryStream();
        foreach (var (name, fileName, content) in parts)
        {
            var disposition = fileName is null ? $"form-data; name=\"{name}\"" : $"form-data; name=\"{name}\"; filename=\"{fileName}\"";
            buffer.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: {(fileName is null ? "text/plain" : "text/html")}\r\n\r\n"));
            buffer.Write(content);
            buffer.Write("\r\n"u8);
        }

        buffer.Write(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        return buffer.ToArray();
    }

    /// <summary>A Word-shaped package whose one part inflates to <paramref name="expanded"/> bytes of zeros.</summary>
    internal static byte[] ZipBomb(long expanded)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var part = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var written = 0L; written < expanded; written += zeros.Length)
            {
                part.Write(zeros, 0, (int)Math.Min(zeros.Length, expanded - written));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A ZIP holding a text file: "PK" at the start, but no Office package inside.</summary>
    internal static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("ghi-chu.txt").Open()))
        {
            writer.Write("Không phải tài liệu Office.");
        }

        return buffer.ToArray();
    }

    private static IEnumerable<Action<HttpRequestMessage>> HostileCredentials(string token)
    {
        var parts = token.Split('.');
        string[] tokens =
        [
            "", "v1", "v1....", new string('t', 8000), token + "=", token.ToUpperInvariant(), token.Replace('-', '+').Replace('_', '/'),
            string.Join('.', parts[0], parts[1], parts[2], "0" + parts[3], parts[4]), string.Join('.', parts[0], parts[1] + "=", parts[2], parts[3], parts[4]),
            string.Join('.', parts[0], parts[1], parts[2], "99999999999999999999", parts[4]), "v1.%FF.%FE.1.x", token + "." + token,
        ];
        foreach (var t in tokens)
        {
            yield return r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + t);
        }

        yield return r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer");
        yield return r => r.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String("a:b"u8));
        yield return r => r.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 4000));
        yield return r =>
        {
            r.Headers.TryAddWithoutValidation("X-Api-Key", ApiHost.OperatorKey[..^1]);
            r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token[..^1]);
        };
    }

    /// <summary>Waits until the cycle's start (plan notices, status rows) has finished writing: two readings a second apart agree.</summary>
    private async Task WaitUntilQuietAsync()
    {
        var last = (-1L, -1);
        await ApiHost.Eventually(async () =>
        {
            var now = (await CountWritesAsync(), host.Sink.Accepted.Count);
            var quiet = now == last;
            last = now;
            if (!quiet)
            {
                await Task.Delay(1000);
            }

            return quiet;
        }, seconds: 90);
    }

    /// <summary>Blobs and table rows of the fixture's storage, but the engine's task hub and the upload audit.</summary>
    private async Task<long> CountWritesAsync()
    {
        var count = 0L;
        var hub = host.Prefix + "hub";
        var blobs = new BlobServiceClient(host.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: host.Prefix))
        {
            if (!container.Name.StartsWith(hub, StringComparison.Ordinal))
            {
                await foreach (var _ in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
                {
                    count++;
                }
            }
        }

        var tables = new TableServiceClient(host.ConnectionString);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(host.Prefix) >= 0 && t.Name.CompareTo(host.Prefix + "{") < 0))
        {
            if (!table.Name.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
            {
                await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["RowKey"]))
                {
                    count += row.RowKey.StartsWith("A|", StringComparison.Ordinal) ? 0 : 1;
                }
            }
        }

        return count;
    }

    private sealed record Body(byte[] Bytes, string? ContentType)
    {
        public Body(string text, string? contentType)
            : this(Encoding.UTF8.GetBytes(text), contentType)
        {
        }
    }
}
