using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workflow.Domain.Plans;

namespace Workflow.Soak;

/// <summary>
/// The generated corpus of hostile requests against every route of the host: missing, forged and non-canonical
/// credentials, malformed and oversize identifiers, malformed JSON and multipart bodies, null and huge values,
/// dates out of any sensible range, and files that must be refused. Requests that would be legitimate operator
/// actions on the live cycle (a valid advance, suspend or terminate) are never sent: only malformed ones.
/// </summary>
internal sealed class HostileCorpus(Uri host, string operatorKey, string cycleId, Plan plan, string planJson, IReadOnlyDictionary<string, string> tokens, SoakScenario scenario)
{
    private const string Json = "application/json";

    private static readonly string[] BadIds =
    [
        new('a', 101), new('a', 250), new('b', 2000), "kỳ-báo-cáo", "..", "%2e%2e", "a%2Fb", "%00", "%27%22%3Cscript%3E", "null",
    ];

    private static readonly string[] MalformedJson = ["{", "nul", "[1,", "{\"reason\":", "\"x", "{\"a\":1}}"];

    /// <summary>Everything but the report uploads, sent while the nomination round is open.</summary>
    public IReadOnlyList<HostileCase> RoundPhase()
    {
        var cases = new List<HostileCase>();
        cases.AddRange(OperatorCredentials());
        cases.AddRange(Identifiers());
        cases.AddRange(UnitCredentials());
        cases.AddRange(StartBodies());
        cases.AddRange(ListQueries());
        cases.AddRange(CommandBodies());
        cases.AddRange(Downloads());
        cases.AddRange(Nominations());
        cases.AddRange(Anonymous());
        return cases;
    }

    /// <summary>Report uploads by units that have already reported, sent at the same moment as their reports.</summary>
    public IReadOnlyList<HostileCase> ReportPhase() => [.. Reports()];

    /// <summary>
    /// Deadline extensions out of any sensible range and otherwise malformed, sent after the last follow-up: one taken
    /// can fail the cycle at once, and the other faults should still be measured.
    /// </summary>
    public IReadOnlyList<HostileCase> ExtensionPhase() => [.. Extensions()];

    private string Cycle => $"/api/cycles/{cycleId}";

    private static (string Route, HttpMethod Method, string Path)[] OperatorRoutes(string cycle) =>
    [
        ("POST /api/cycles", HttpMethod.Post, "/api/cycles?rehearsal=step"),
        ("GET /api/cycles", HttpMethod.Get, "/api/cycles"),
        ("GET /api/cycles/{id}", HttpMethod.Get, cycle),
        ("GET /api/cycles/{id}/units", HttpMethod.Get, $"{cycle}/units"),
        ("GET /api/cycles/{id}/timeline", HttpMethod.Get, $"{cycle}/timeline"),
        ("GET /api/cycles/{id}/nominations/{roundId}", HttpMethod.Get, $"{cycle}/nominations/{SoakScenario.Round}"),
        ("POST /api/cycles/{id}/rehearsal/advance", HttpMethod.Post, $"{cycle}/rehearsal/advance"),
        ("POST /api/cycles/{id}/extensions", HttpMethod.Post, $"{cycle}/extensions"),
        ("POST /api/cycles/{id}/picks/{roundId}", HttpMethod.Post, $"{cycle}/picks/{SoakScenario.ProvinceLevel}"),
        ("POST /api/cycles/{id}/suspend", HttpMethod.Post, $"{cycle}/suspend"),
        ("POST /api/cycles/{id}/resume", HttpMethod.Post, $"{cycle}/resume"),
        ("POST /api/cycles/{id}/terminate", HttpMethod.Post, $"{cycle}/terminate"),
        ("GET /api/cycles/{id}/exports", HttpMethod.Get, $"{cycle}/exports"),
        ("GET /api/cycles/{id}/exports/{name}", HttpMethod.Get, $"{cycle}/exports/tong-hop.xlsx"),
        ("GET /api/cycles/{id}/dossiers/{unitId}/{subject}/{version}", HttpMethod.Get, $"{cycle}/dossiers/x/{SoakScenario.Report}/1"),
    ];

    private IEnumerable<HostileCase> OperatorCredentials()
    {
        var unitToken = tokens.Values.First();
        (string Name, string Header, string? Value)[] credentials =
        [
            ("no key", "X-Api-Key", null),
            ("empty key", "X-Api-Key", ""),
            ("wrong key", "X-Api-Key", new string('0', operatorKey.Length)),
            ("8 KB key", "X-Api-Key", new string('k', 8192)),
            ("unit link as key", "X-Api-Key", unitToken),
            ("key in upper case", "X-Api-Key", operatorKey.ToUpperInvariant()),
            ("key as a bearer token", "Authorization", $"Bearer {operatorKey}"),
        ];
        // Writes go to a cycle that does not exist (404 when the credential is taken, 401 when not), so a credential
        // the host rightly takes as the key cannot act on the live cycle; a start carries a valid plan under a new id.
        foreach (var (route, method, path) in OperatorRoutes(Cycle).Select(r => r.Method == HttpMethod.Post ? r with { Path = r.Path.Replace(Cycle, "/api/cycles/soak-absent", StringComparison.Ordinal) } : r))
        {
            foreach (var (name, header, value) in credentials)
            {
                yield return new HostileCase(route, name, () =>
                {
                    var request = new HttpRequestMessage(method, new Uri(host, path.Replace("rehearsal=step", "rehearsal=step&id=soak-hostile-auth", StringComparison.Ordinal)));
                    if (value is not null)
                    {
                        request.Headers.TryAddWithoutValidation(header, value);
                    }

                    if (method == HttpMethod.Post)
                    {
                        request.Content = new StringContent(route == "POST /api/cycles" ? planJson : "{\"reason\":\"thử quyền\"}", Encoding.UTF8, Json);
                    }

                    return request;
                });
            }
        }
    }

    private IEnumerable<HostileCase> Identifiers()
    {
        foreach (var (route, method, path) in OperatorRoutes(Cycle).Skip(2))
        {
            foreach (var id in BadIds)
            {
                var bad = $"/api/cycles/{id}" + path[Cycle.Length..];
                yield return Operator(route, $"id «{Shorten(id)}»", method, bad, method == HttpMethod.Post ? "{\"reason\":\"x\"}" : null);
            }
        }

        yield return Operator("GET /api/cycles/{id}/nominations/{roundId}", "250-character round", HttpMethod.Get, $"{Cycle}/nominations/{new string('r', 250)}");
        yield return Operator("GET /api/cycles/{id}/nominations/{roundId}", "unicode round", HttpMethod.Get, $"{Cycle}/nominations/đợt-khen");
        yield return Operator("GET /api/cycles/{id}/nominations/{roundId}", "dot-dot round", HttpMethod.Get, $"{Cycle}/nominations/..%2F..");
        yield return Operator("POST /api/cycles/{id}/picks/{roundId}", "250-character round", HttpMethod.Post, $"{Cycle}/picks/{new string('r', 250)}", "{\"nominations\":[\"x\"],\"pickedBy\":\"x\"}");
        yield return Operator("POST /api/cycles/{id}/picks/{roundId}", "round units propose in", HttpMethod.Post, $"{Cycle}/picks/{SoakScenario.Round}", "{\"nominations\":[\"x\"],\"pickedBy\":\"x\"}");
    }

    private IEnumerable<HostileCase> UnitCredentials()
    {
        var token = tokens[scenario.BurstKeys[0].Unit];
        var parts = token.Split('.');
        var other = tokens.First(t => t.Key != scenario.BurstKeys[0].Unit).Value.Split('.');
        (string Name, string? Token)[] variants =
        [
            ("no token", null),
            ("empty bearer", ""),
            ("garbage", "not-a-token"),
            ("MAC cut short", token[..^2]),
            ("MAC with a flipped character", token[..^1] + (token[^1] == 'A' ? 'B' : 'A')),
            ("MAC with base64 padding", token + "="),
            ("cycle with base64 padding", string.Join('.', parts[0], parts[1] + "=", parts[2], parts[3], parts[4])),
            ("unit with base64 padding", string.Join('.', parts[0], parts[1], parts[2] + "==", parts[3], parts[4])),
            ("expiry with a leading zero", string.Join('.', parts[0], parts[1], parts[2], "0" + parts[3], parts[4])),
            ("expiry with a plus sign", string.Join('.', parts[0], parts[1], parts[2], "+" + parts[3], parts[4])),
            ("expiry beyond a long", string.Join('.', parts[0], parts[1], parts[2], "99999999999999999999", parts[4])),
            ("version in upper case", "V1" + token[2..]),
            ("trailing dot", token + "."),
            ("another unit's payload with this MAC", string.Join('.', other[0], other[1], other[2], other[3], parts[4])),
            ("8 KB token", new string('t', 8192)),
            ("only dots", "...."),
        ];
        (string Route, HttpMethod Method, string Path)[] routes =
        [
            ("GET /api/unit/tasks", HttpMethod.Get, "/api/unit/tasks"),
            ("GET /api/unit/receipts", HttpMethod.Get, "/api/unit/receipts"),
            ("POST /api/unit/reports/{deliverableId}", HttpMethod.Post, $"/api/unit/reports/{SoakScenario.Report}"),
            ("POST /api/unit/nominations/{roundId}", HttpMethod.Post, $"/api/unit/nominations/{SoakScenario.Round}"),
        ];
        foreach (var (route, method, path) in routes)
        {
            foreach (var (name, value) in variants)
            {
                yield return new HostileCase(route, $"bearer: {name}", () =>
                {
                    var request = new HttpRequestMessage(method, new Uri(host, path));
                    if (value is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {value}");
                    }

                    // An empty form: even a credential wrongly let through cannot store anything.
                    request.Content = method == HttpMethod.Post ? new MultipartFormDataContent() : null;
                    return request;
                });
                if (method == HttpMethod.Get && value is not null)
                {
                    yield return new HostileCase(route, $"query: {name}", () => new HttpRequestMessage(method, new Uri(host, $"{path}?token={Uri.EscapeDataString(value)}")));
                }
            }
        }

        foreach (var (name, value) in variants.Where(v => v.Token is { Length: > 0 }))
        {
            yield return new HostileCase("GET /u/{token}", name, () => new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"/u/{Uri.EscapeDataString(value!)}")), MustRefuse: false);
        }
    }

    private IEnumerable<HostileCase> StartBodies()
    {
        const string Route = "POST /api/cycles";
        var plan = planJson;
        string Edit(string property, string json) => PlanWith(plan, property, json);
        (string Name, string Query, string? Type, string Body)[] bodies =
        [
            ("no content type", "rehearsal=step&id=soak-hostile-1", null, plan),
            ("text/plain", "rehearsal=step&id=soak-hostile-2", "text/plain", plan),
            ("null", "rehearsal=step", Json, "null"),
            ("array", "rehearsal=step", Json, "[]"),
            ("empty object", "rehearsal=step", Json, "{}"),
            ("a string", "rehearsal=step", Json, "\"kế hoạch\""),
            ("truncated plan", "rehearsal=step", Json, plan[..(plan.Length / 2)]),
            ("100,000 nested arrays", "rehearsal=step", Json, new string('[', 100_000)),
            ("3 MB string", "rehearsal=step", Json, $"{{\"id\":\"{new string('x', 3 * 1024 * 1024)}\"}}"),
            ("units null", "rehearsal=step&id=soak-hostile-3", Json, Edit("units", "null")),
            ("deliverables with a null", "rehearsal=step&id=soak-hostile-4", Json, Edit("deliverables", "[null]")),
            ("closes on 0001-01-01", "rehearsal=step&id=soak-hostile-5", Json, Edit("closesOn", "\"0001-01-01\"")),
            ("issued on 9999-12-31", "rehearsal=step&id=soak-hostile-6", Json, Edit("issuedOn", "\"9999-12-31\"")),
            ("number beyond double", "rehearsal=step&id=soak-hostile-7", Json, Edit("reminders", "{\"daysBefore\":[1e400],\"sendAt\":\"08:00:00\"}")),
            ("250-character id", $"rehearsal=step&id={new string('c', 250)}", Json, plan),
            ("rehearsal NaN", "rehearsal=NaN&id=soak-hostile-8", Json, plan),
            ("rehearsal 1e309", "rehearsal=1e309&id=soak-hostile-9", Json, plan),
            ("rehearsal from 0001-01-01", "rehearsal=step&from=0001-01-01T00:00:00Z&id=soak-hostile-10", Json, plan),
            ("rehearsal from 9999-12-31", "rehearsal=step&from=9999-12-31T23:59:59Z&id=soak-hostile-11", Json, plan),
            ("fastest rehearsal from 9999", "rehearsal=10000000&from=9999-12-31T00:00:00Z&id=soak-hostile-12", Json, plan),
        ];
        foreach (var (name, query, type, body) in bodies)
        {
            yield return new HostileCase(Route, name, () => OperatorRequest(HttpMethod.Post, $"/api/cycles?{query}", Raw(body, type)));
        }

        yield return new HostileCase(Route, "invalid UTF-8", () => OperatorRequest(HttpMethod.Post, "/api/cycles?rehearsal=step", InvalidUtf8()));
    }

    private IEnumerable<HostileCase> ListQueries()
    {
        string[] queries =
        [
            "pageSize=-1", "pageSize=0", "pageSize=99999999999", "pageSize=abc", "status=Bogus", "status=Running,,,,", "createdFrom=not-a-date",
            "createdFrom=0001-01-01T00:00:00Z", "createdTo=9999-12-31T23:59:59Z", $"prefix={new string('p', 2000)}", "continuationToken=garbage",
            "continuationToken=eyJ4Ijo=", $"continuationToken={new string('z', 4000)}",
        ];
        foreach (var query in queries)
        {
            yield return new HostileCase("GET /api/cycles", Shorten(query), () => OperatorRequest(HttpMethod.Get, $"/api/cycles?{query}", null), MustRefuse: false);
        }

        foreach (var query in new[] { $"subject={new string('s', 3000)}", "subject=%00", "block=..%2F", $"block={new string('b', 250)}&subject={SoakScenario.Report}" })
        {
            yield return new HostileCase("GET /api/cycles/{id}/units", Shorten(query), () => OperatorRequest(HttpMethod.Get, $"{Cycle}/units?{query}", null), MustRefuse: false);
        }
    }

    private IEnumerable<HostileCase> CommandBodies()
    {
        (string Route, string Path, string Name, string? Type, string Body)[] bodies =
        [
            .. MalformedJson.Select(b => ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", $"malformed «{b}»", (string?)Json, b)),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "array", Json, "[]"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "to not a date", Json, "{\"to\":\"not a date\"}"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "to a number", Json, "{\"to\":5}"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "to an object", Json, "{\"to\":{}}"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "to 0001-01-01", Json, "{\"to\":\"0001-01-01T00:00:00Z\"}"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "to 0001-01-01 at +14:00", Json, "{\"to\":\"0001-01-01T00:00:00+14:00\"}"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "to month 13", Json, "{\"to\":\"2024-13-45T00:00:00Z\"}"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "text/plain past date", "text/plain", "{\"to\":\"0001-01-01T00:00:00Z\"}"),
            ("POST /api/cycles/{id}/rehearsal/advance", "rehearsal/advance", "3 MB body", Json, $"{{\"x\":\"{new string('x', 3 * 1024 * 1024)}\"}}"),
            .. MalformedJson.Select(b => ("POST /api/cycles/{id}/picks/{roundId}", $"picks/{SoakScenario.ProvinceLevel}", $"malformed «{b}»", (string?)Json, b)),
            ("POST /api/cycles/{id}/picks/{roundId}", $"picks/{SoakScenario.ProvinceLevel}", "null", Json, "null"),
            ("POST /api/cycles/{id}/picks/{roundId}", $"picks/{SoakScenario.ProvinceLevel}", "nominations null", Json, "{\"nominations\":null,\"pickedBy\":\"x\"}"),
            ("POST /api/cycles/{id}/picks/{roundId}", $"picks/{SoakScenario.ProvinceLevel}", "nominations [null]", Json, "{\"nominations\":[null],\"pickedBy\":\"x\"}"),
            ("POST /api/cycles/{id}/picks/{roundId}", $"picks/{SoakScenario.ProvinceLevel}", "10,000 nominations", Json, $"{{\"nominations\":{JsonSerializer.Serialize(Enumerable.Range(0, 10_000).Select(i => $"n{i}"))},\"pickedBy\":\"x\"}}"),
            ("POST /api/cycles/{id}/picks/{roundId}", $"picks/{SoakScenario.ProvinceLevel}", "picked by null", Json, "{\"nominations\":[\"x\"],\"pickedBy\":null}"),
            ("POST /api/cycles/{id}/picks/{roundId}", $"picks/{SoakScenario.ProvinceLevel}", "1 MB picker", Json, $"{{\"nominations\":[\"x\"],\"pickedBy\":\"{new string('p', 1024 * 1024)}\"}}"),
            .. new[] { "suspend", "resume", "terminate" }.SelectMany(action => MalformedJson.Select(b => ($"POST /api/cycles/{{id}}/{action}", action, $"malformed «{b}»", (string?)Json, b))),
        ];
        foreach (var (route, path, name, type, body) in bodies)
        {
            yield return new HostileCase(route, name, () => OperatorRequest(HttpMethod.Post, $"{Cycle}/{path}", Raw(body, type)));
        }

    }

    private IEnumerable<HostileCase> Extensions()
    {
        var unit = scenario.BurstKeys[1].Unit;
        string Extension(string semantics, string date, string? units = null, string requestedBy = "\"PV01\"", string reason = "\"thử\"") =>
            $"{{\"subject\":\"{SoakScenario.Report}\",\"newDeadline\":{{\"semantics\":\"{semantics}\",\"date\":\"{date}\"}},\"units\":{units ?? $"[\"{unit}\"]"},\"requestedBy\":{requestedBy},\"reason\":{reason}}}";
        (string Route, string Path, string Name, string? Type, string Body)[] bodies =
        [
            .. MalformedJson.Select(b => ("POST /api/cycles/{id}/extensions", "extensions", $"malformed «{b}»", (string?)Json, b)),
            ("POST /api/cycles/{id}/extensions", "extensions", "null", Json, "null"),
            ("POST /api/cycles/{id}/extensions", "extensions", "empty object", Json, "{}"),
            ("POST /api/cycles/{id}/extensions", "extensions", "subject null", Json, "{\"subject\":null,\"newDeadline\":null,\"units\":null,\"requestedBy\":null,\"reason\":null}"),
            ("POST /api/cycles/{id}/extensions", "extensions", "new deadline 0001-01-01", Json, Extension("before", "0001-01-01")),
            ("POST /api/cycles/{id}/extensions", "extensions", "new deadline 9999-12-31", Json, Extension("by", "9999-12-31")),
            ("POST /api/cycles/{id}/extensions", "extensions", "semantics bogus", Json, Extension("bogus", "2024-05-01")),
            ("POST /api/cycles/{id}/extensions", "extensions", "30 February", Json, Extension("before", "2024-02-30")),
            ("POST /api/cycles/{id}/extensions", "extensions", "units [null]", Json, Extension("before", "2024-05-01", "[null]")),
            ("POST /api/cycles/{id}/extensions", "extensions", "250-character unit", Json, Extension("before", "2024-05-01", $"[\"{new string('u', 250)}\"]")),
            ("POST /api/cycles/{id}/extensions", "extensions", "10,000 units", Json, Extension("before", "2024-05-01", JsonSerializer.Serialize(Enumerable.Repeat(unit, 10_000)))),
            ("POST /api/cycles/{id}/extensions", "extensions", "1 MB requester", Json, Extension("before", "2024-05-01", requestedBy: $"\"{new string('r', 1024 * 1024)}\"")),
            ("POST /api/cycles/{id}/extensions", "extensions", "reason null", Json, Extension("before", "2024-05-01", reason: "null")),
        ];
        foreach (var (route, path, name, type, body) in bodies)
        {
            yield return new HostileCase(route, name, () => OperatorRequest(HttpMethod.Post, $"{Cycle}/{path}", Raw(body, type)));
        }

        // Only here: a reader that replaces bad bytes would carry out an advance, suspend, resume or terminate.
        yield return new HostileCase("POST /api/cycles/{id}/extensions", "invalid UTF-8", () => OperatorRequest(HttpMethod.Post, $"{Cycle}/extensions", InvalidUtf8()));
    }

    private IEnumerable<HostileCase> Downloads()
    {
        foreach (var name in new[] { "..%2F..%2Fplan.json", new string('n', 2000), "tong-hop.xlsx", $"{SoakScenario.Report}-tong-hop.csv" })
        {
            yield return Operator("GET /api/cycles/{id}/exports/{name}", $"name «{Shorten(name)}»", HttpMethod.Get, $"{Cycle}/exports/{name}");
        }

        // "%2e%2e" is a dot segment (RFC 3986 §6.2.2.2, §5.2.4): the client and Kestrel both resolve ".../exports/%2e%2e"
        // to the cycle's own page, which the operator may read. Only a 5xx or a file served would be a finding.
        yield return Operator("GET /api/cycles/{id}/exports/{name}", "name «%2e%2e»", HttpMethod.Get, $"{Cycle}/exports/%2e%2e") with { MustRefuse = false };

        var unit = scenario.BurstKeys[0].Unit;
        foreach (var tail in new[] { $"{unit}/{SoakScenario.Report}/0", $"{unit}/{SoakScenario.Report}/-1", $"{unit}/{SoakScenario.Report}/2147483648", $"../{SoakScenario.Report}/1", $"{unit}/{new string('s', 250)}/1", $"{unit}/{SoakScenario.Report}/99999" })
        {
            yield return Operator("GET /api/cycles/{id}/dossiers/{unitId}/{subject}/{version}", Shorten(tail), HttpMethod.Get, $"{Cycle}/dossiers/{tail}");
        }
    }

    private IEnumerable<HostileCase> Anonymous()
    {
        yield return new HostileCase("GET /api/health", "8 KB query", () => new HttpRequestMessage(HttpMethod.Get, new Uri(host, $"/api/health?x={new string('h', 8192)}")), MustRefuse: false);
        yield return new HostileCase("GET /api/health", "40 KB header", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host, "/api/health"));
            request.Headers.TryAddWithoutValidation("X-Padding", new string('h', 40 * 1024));
            return request;
        }, MustRefuse: false);
        yield return new HostileCase("GET /api/health", "POST with a body", () => new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/api/health")) { Content = Raw("{", Json) }, MustRefuse: false);
        yield return new HostileCase("GET /openapi/v1.json", "query garbage", () => new HttpRequestMessage(HttpMethod.Get, new Uri(host, "/openapi/v1.json?%zz")), MustRefuse: false);
        foreach (var path in new[] { "/dashboard/..%2f..%2fappsettings.json", "/dashboard/%2e%2e/%2e%2e/Workflow.Host.dll", $"/dashboard/{new string('d', 3000)}" })
        {
            yield return new HostileCase("GET /dashboard/{path}", Shorten(path), () => new HttpRequestMessage(HttpMethod.Get, new Uri(host, path)), MustRefuse: false);
        }
    }

    private IEnumerable<HostileCase> Nominations()
    {
        const string Route = "POST /api/unit/nominations/{roundId}";
        var proposers = plan.NominationRounds.Single(r => r.Id == SoakScenario.Round).Proposers.Select(plan.Units)
            .Where(u => scenario.Actions.All(a => a.Unit != u.Id)).ToList();
        var documents = UnitPayloads.Documents(plan);
        var taken = scenario.Actions.First(a => a.Kind == ActionKind.Nomination);
        var n = 0;
        HostileCase Case(string name, Func<Unit, JsonElement, string> edit, Func<string, byte[]>? file = null, bool raw = false)
        {
            var unit = proposers[n % proposers.Count];
            var id = $"hostile-{++n:D2}";
            var valid = JsonSerializer.SerializeToElement(UnitPayloads.Nomination(id, unit, documents));
            var body = edit(unit, valid);
            return new HostileCase(Route, name, () => UnitRequest(tokens[unit.Id], $"/api/unit/nominations/{SoakScenario.Round}",
                raw ? Raw(body, Json) : UnitPayloads.NominationForm(body, documents, file ?? (d => UnitPayloads.Pdf($"{id} {d}")))));
        }

        string Set(JsonElement valid, string path, string json) => JsonPatch(valid, path, json);
        yield return Case("JSON instead of multipart", (_, v) => v.GetRawText(), raw: true);
        yield return Case("nomination missing", (_, _) => "", file: null);
        foreach (var bad in MalformedJson.Append("null").Append("[]").Append("\"x\""))
        {
            yield return Case($"nomination «{bad}»", (_, _) => bad);
        }

        yield return Case("record.yearly null", (_, v) => Set(v, "record.yearly", "null"));
        yield return Case("a yearly title null", (_, v) => Set(v, "record.yearly", "{\"danh-hieu-tap-the\":null}"));
        yield return Case("a year's title null", (_, v) => Set(v, "record.yearly", "{\"danh-hieu-tap-the\":{\"2019\":null}}"));
        yield return Case("year not a number", (_, v) => Set(v, "record.yearly", "{\"danh-hieu-tap-the\":{\"năm\":\"don-vi-tien-tien\"}}"));
        yield return Case("a flag null", (_, v) => Set(v, "record.flags", "{\"dangThanhTraKiemTra\":null}"));
        yield return Case("a number null", (_, v) => Set(v, "record.numbers", "{\"soNam\":null}"));
        yield return Case("a number 1e400", (_, v) => Set(v, "record.numbers", "{\"soNam\":1e400}"));
        yield return Case("documents [null]", (_, v) => Set(v, "documents", "[null]"));
        yield return Case("documents null", (_, v) => Set(v, "documents", "null"));
        yield return Case("document id null", (_, v) => Set(v, "documents", JsonSerializer.Serialize(documents.Select(d => new { documentId = (string?)null, lineCount = 1 }))));
        yield return Case("line count -1", (_, v) => Set(v, "documents", JsonSerializer.Serialize(documents.Select(d => new { documentId = d, lineCount = -1 }))));
        yield return Case("line count beyond int", (_, v) => Set(v, "documents", $"[{string.Join(',', documents.Select(d => $"{{\"documentId\":\"{d}\",\"lineCount\":2147483648}}"))}]"));
        yield return Case("3 MB nominee name", (_, v) => Set(v, "name", $"\"{new string('n', 3 * 1024 * 1024)}\""));
        yield return Case("name null", (_, v) => Set(v, "name", "null"));
        yield return Case("name of control characters", (_, v) => Set(v, "name", "\"\\u0000\\u0001\\u001b[31m\""));
        yield return Case("250-character id", (_, v) => Set(v, "id", $"\"{new string('i', 250)}\""));
        yield return Case("id with a path", (_, v) => Set(v, "id", "\"../../x\""));
        yield return Case("kind bogus", (_, v) => Set(v, "kind", "\"bogus\""));
        yield return Case("kind null", (_, v) => Set(v, "kind", "null"));
        yield return Case("nominee unit null", (_, v) => Set(v, "nomineeUnit", "null"));
        yield return Case("250-character nominee unit", (_, v) => Set(v, "nomineeUnit", $"\"{new string('u', 250)}\""));
        yield return Case("1 MB profile", (_, v) => Set(v, "profile", $"\"{new string('p', 1024 * 1024)}\""));
        yield return Case("isPolice a string", (_, v) => Set(v, "isPolice", "\"có\""));
        yield return Case("another unit's nomination id", (_, v) => Set(v, "id", $"\"{taken.Unit}-de-nghi-01\""));
        yield return Case("files: PDF then PE", (_, v) => v.GetRawText(), _ => HostileFiles.PdfThenPe);
        yield return Case("files: PE then PDF", (_, v) => v.GetRawText(), _ => HostileFiles.PeThenPdf);
        yield return Case("files: HTML with a PDF header", (_, v) => v.GetRawText(), _ => HostileFiles.HtmlPdf);
        foreach (var (name, build) in MalformedMultipart())
        {
            var unit = proposers[n++ % proposers.Count];
            yield return new HostileCase(Route, name, () => UnitRequest(tokens[unit.Id], $"/api/unit/nominations/{SoakScenario.Round}", build()));
        }
    }

    private IEnumerable<HostileCase> Reports()
    {
        const string Route = "POST /api/unit/reports/{deliverableId}";
        var keys = scenario.BurstKeys.Where(k => k.Subject == SoakScenario.Report).ToList();
        var n = 0;
        HostileCase Case(string name, Func<string, string> statistics, byte[]? file = null, string fileName = "Báo cáo.pdf", string contentType = "application/pdf", UploadKey? at = null)
        {
            var key = at ?? keys[n++ % keys.Count];
            var valid = UnitPayloads.Statistics(plan, key.Subject, key.Seed);
            var pdf = file ?? UnitPayloads.Pdf($"hostile {n}");
            return new HostileCase(Route, name, () => UnitRequest(tokens[key.Unit], $"/api/unit/reports/{key.Subject}", UnitPayloads.ReportForm(statistics(valid), pdf, fileName, contentType)));
        }

        HostileCase Value(string name, string json, UploadKey? at = null) => Case(name, s => ReplaceFirstValue(s, json), at: at);
        foreach (var (name, build) in MalformedMultipart())
        {
            var key = keys[n++ % keys.Count];
            yield return new HostileCase(Route, name, () => UnitRequest(tokens[key.Unit], $"/api/unit/reports/{key.Subject}", build()));
        }

        yield return new HostileCase(Route, "no file", () => UnitRequest(tokens[keys[0].Unit], $"/api/unit/reports/{SoakScenario.Report}",
            new MultipartFormDataContent { { new StringContent(UnitPayloads.Statistics(plan, SoakScenario.Report, keys[0].Seed)), "statistics" } }));
        yield return new HostileCase(Route, "two files", () =>
        {
            var form = UnitPayloads.ReportForm(UnitPayloads.Statistics(plan, SoakScenario.Report, keys[1].Seed), UnitPayloads.Pdf("a"));
            form.Add(new ByteArrayContent(UnitPayloads.Pdf("b")), "file", "b.pdf");
            return UnitRequest(tokens[keys[1].Unit], $"/api/unit/reports/{SoakScenario.Report}", form);
        });
        yield return Case("empty file", s => s, []);
        yield return Case("file name with a path", s => s, fileName: "../../../etc/passwd.pdf");
        yield return Case("5,000-character file name", s => s, fileName: new string('f', 5000) + ".pdf");
        yield return Case("right-to-left override in the name", s => s, fileName: "báo cáo\u202Efdp.exe");
        yield return Case("double extension", s => s, fileName: "báo cáo.pdf.exe");
        yield return Case("percent-encoded NUL in the name", s => s, fileName: "bao-cao%00.exe.pdf");
        yield return Case("name of dots", s => s, fileName: "...");
        yield return Case("executable", s => s, HostileFiles.Pe(), "setup.exe", "application/octet-stream");
        yield return Case("PDF then PE", s => s, HostileFiles.PdfThenPe);
        yield return Case("PE then PDF", s => s, HostileFiles.PeThenPdf);
        yield return Case("ZIP then ELF named .docx", s => s, HostileFiles.ZipThenElf, "Báo cáo.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        yield return Case("zip bomb named .docx", s => s, HostileFiles.ZipBomb, "Báo cáo.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        yield return Case("HTML with a PDF header, sent as text/html", s => s, HostileFiles.HtmlPdf, "Báo cáo.pdf", "text/html");
        yield return Case("GIF named .png", s => s, HostileFiles.Gif, "ảnh.png", "image/png");
        yield return Case("51 MB file", s => s, new byte[51 * 1024 * 1024]);
        yield return Case("statistics missing", _ => "");
        foreach (var bad in MalformedJson.Append("null").Append("[]").Append("{}").Append("{\"forms\":null}").Append("{\"forms\":{\"x\":{}}}"))
        {
            yield return Case($"statistics «{bad}»", _ => bad);
        }

        yield return Case("a form null", s => JsonPatch(JsonSerializer.Deserialize<JsonElement>(s), $"forms.{plan.Deliverables[0].Forms[0].Id}", "null"));
        yield return Value("a field null", "null");
        yield return Value("a number null", "{\"number\":null}");
        yield return Value("5e28 in an integer field", "{\"number\":50000000000000000000000000000}", keys[2]);
        yield return Value("5e28 in an integer field, second unit", "{\"number\":50000000000000000000000000000}", keys[3]);
        yield return Value("1e400", "{\"number\":1e400}");
        yield return Value("-1e28", "{\"number\":-10000000000000000000000000000}");
        yield return Value("number as a string", "{\"number\":\"NaN\"}");
        yield return Value("fractional integer", "{\"number\":1.5}");
        yield return Value("flag as a string", "{\"flag\":\"yes\"}");
        yield return Value("1 MB text value", $"{{\"text\":\"{new string('t', 1024 * 1024)}\"}}");
        yield return Value("100 KB text value", $"{{\"text\":\"{new string('t', 100 * 1024)}\"}}");
        yield return Value("10,000 nested objects", new string('[', 10_000) + new string(']', 10_000));
        yield return Value("several kinds at once", "{\"number\":1,\"flag\":true,\"text\":\"x\"}");
        yield return Case("unknown form", s => s.Replace("{\"forms\":{", "{\"forms\":{\"bieu-khong-co\":{\"x\":{\"number\":1}},", StringComparison.Ordinal));
        yield return Case("duplicate keys", s => s.Replace("{\"forms\":{", "{\"forms\":null,\"forms\":{", StringComparison.Ordinal));
    }

    /// <summary>Bodies that claim to be multipart/form-data and are not well-formed.</summary>
    private static IEnumerable<(string Name, Func<HttpContent> Build)> MalformedMultipart()
    {
        const string B = "soakboundary";
        var part = $"--{B}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n%%EOF\r\n";
        (string Name, string ContentType, string Body)[] bodies =
        [
            ("multipart without a boundary", "multipart/form-data", part + $"--{B}--\r\n"),
            ("boundary that does not match", "multipart/form-data; boundary=other", part + $"--{B}--\r\n"),
            ("no closing boundary", $"multipart/form-data; boundary={B}", part),
            ("part without Content-Disposition", $"multipart/form-data; boundary={B}", $"--{B}\r\nContent-Type: text/plain\r\n\r\nx\r\n--{B}--\r\n"),
            ("5,000 empty parts", $"multipart/form-data; boundary={B}", string.Concat(Enumerable.Repeat($"--{B}\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n", 5000)) + $"--{B}--\r\n"),
            ("100 KB part header", $"multipart/form-data; boundary={B}", $"--{B}\r\nContent-Disposition: form-data; name=\"{new string('h', 100 * 1024)}\"\r\n\r\nx\r\n--{B}--\r\n"),
            ("200-character boundary", $"multipart/form-data; boundary={new string('b', 200)}", $"--{new string('b', 200)}\r\n\r\n--{new string('b', 200)}--\r\n"),
            ("only dashes", $"multipart/form-data; boundary={B}", "--"),
            ("bare LF line ends", $"multipart/form-data; boundary={B}", part.Replace("\r\n", "\n", StringComparison.Ordinal) + $"--{B}--\n"),
            ("header without a colon", $"multipart/form-data; boundary={B}", $"--{B}\r\nContent-Disposition form-data\r\n\r\nx\r\n--{B}--\r\n"),
            ("filename* with a bad encoding", $"multipart/form-data; boundary={B}", $"--{B}\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%ZZ%ZZ.pdf\r\n\r\n%PDF-1.7\r\n--{B}--\r\n"),
        ];
        foreach (var (name, type, body) in bodies)
        {
            yield return (name, () => Raw(body, type));
        }

        yield return ("not multipart: JSON", () => Raw("{}", Json));
        yield return ("not multipart: no content type", () => Raw("x", null));
        yield return ("form-urlencoded", () => Raw("file=x&statistics=y", "application/x-www-form-urlencoded"));
    }

    private HostileCase Operator(string route, string name, HttpMethod method, string path, string? json = null) =>
        new(route, name, () => OperatorRequest(method, path, json is null ? null : Raw(json, Json)));

    private HttpRequestMessage OperatorRequest(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(host, path)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Api-Key", operatorKey);
        return request;
    }

    private HttpRequestMessage UnitRequest(string token, string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static ByteArrayContent Raw(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static ByteArrayContent InvalidUtf8()
    {
        var content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'r', (byte)'e', (byte)'a', (byte)'s', (byte)'o', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, 0xC3, (byte)'"', (byte)'}']);
        content.Headers.TryAddWithoutValidation("Content-Type", Json);
        return content;
    }

    private static string PlanWith(string plan, string property, string json) => JsonPatch(JsonSerializer.Deserialize<JsonElement>(plan), property, json);

    /// <summary>The JSON with the property at a dotted path set to raw <paramref name="json"/> (written as is, even when invalid).</summary>
    private static string JsonPatch(JsonElement element, string path, string json)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? path : path[..dot];
        var members = element.EnumerateObject().Select(p => p.Name == head
            ? $"{JsonSerializer.Serialize(p.Name)}:{(dot < 0 ? json : JsonPatch(p.Value, path[(dot + 1)..], json))}"
            : $"{JsonSerializer.Serialize(p.Name)}:{p.Value.GetRawText()}").ToList();
        if (element.EnumerateObject().All(p => p.Name != head))
        {
            members.Add($"{JsonSerializer.Serialize(head)}:{json}");
        }

        return "{" + string.Join(',', members) + "}";
    }

    /// <summary>The statistics with the first field's value replaced by raw <paramref name="json"/>.</summary>
    private static string ReplaceFirstValue(string statistics, string json)
    {
        var start = statistics.IndexOf("{\"number\":", StringComparison.Ordinal);
        var end = statistics.IndexOf('}', start);
        return statistics[..start] + json + statistics[(end + 1)..];
    }

    private static string Shorten(string text) => text.Length > 40 ? $"{text[..20]}… ({text.Length} ký tự)" : text;
}
