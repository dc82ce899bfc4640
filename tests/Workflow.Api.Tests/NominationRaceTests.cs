using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Storage;

namespace Workflow.Api.Tests;

/// <summary>A nomination id belongs to the unit that sent it first: a second unit racing for it gets 409 and overwrites nothing.</summary>
public sealed class NominationRaceTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string[] Units = ["bcd-tan-yen", "bcd-luc-nam"];

    [Fact]
    public async Task SameNominationIdFromTwoUnitsAtOnce_TenTimes_OneWinsEachTime_TheOtherGets409_AndTheWinnersRowIsIntact()
    {
        var clients = new List<HttpClient>();
        foreach (var unitId in Units)
        {
            clients.Add(host.Unit(await host.TokenAsync(unitId)));
        }

        var path = $"/api/unit/nominations/{Uploads.Round}";
        var wins = Units.ToDictionary(u => u, _ => 0);
        var firstWinner = "";
        for (var trial = 0; trial < 10; trial++)
        {
            var id = $"trung-ma-{trial}";
            var responses = await Task.WhenAll(Units.Select((unitId, i) => clients[i].PostAsync(path, Uploads.NominationForm(Uploads.Nomination(id, unitId)))));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var winner = Units[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Created)];
            wins[winner]++;
            firstWinner = trial == 0 ? winner : firstWinner;
            var (_, fields) = await ApiHost.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            Assert.Equal(["nomination.id"], fields);

            var nominees = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/nominations/{Uploads.Round}");
            var row = nominees.EnumerateArray().Single(n => n.GetProperty("nominationId").GetString() == id);
            Assert.Equal((winner, $"Công an {winner}", winner, 6),
                (row.GetProperty("proposedBy").GetString(), row.GetProperty("name").GetString(), row.GetProperty("nomineeUnit").GetString(), row.GetProperty("documents").GetArrayLength()));
        }

        // The losers stored nothing: each unit holds the six files of the dossiers it won, no more.
        var dossiers = host.Services.GetRequiredService<IDossierStore>();
        foreach (var unitId in Units)
        {
            Assert.Equal(6 * wins[unitId], (await dossiers.ListVersionsAsync(new SubmissionKey(ApiHost.CycleId, unitId, Uploads.Round))).Count);
        }

        // The owner may still resubmit under its id; the other unit still may not.
        foreach (var (unitId, expected) in Units.Select(u => (u, u == firstWinner ? HttpStatusCode.Created : HttpStatusCode.Conflict)))
        {
            using var again = Uploads.NominationForm(Uploads.Nomination("trung-ma-0", unitId));
            Assert.Equal(expected, (await clients[Array.IndexOf(Units, unitId)].PostAsync(path, again)).StatusCode);
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
