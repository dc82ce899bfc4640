using Workflow.Domain.Plans;

namespace Workflow.Soak;

/// <summary>
/// 50 clients at once, each uploading a 1 MB PDF report 20 times in a row for its unit (clients are dealt round the
/// keys, so a few units have two officers uploading at once). Every upload of a key carries the same statistics.
/// </summary>
internal sealed class ConcurrentUploaders(SoakClient client, Plan plan, IReadOnlyDictionary<string, string> tokens)
{
    public const int Clients = 50;
    public const int UploadsEach = 20;
    private const int FileSize = 1024 * 1024;

    private int _answered;

    /// <summary>Uploads answered so far (any answer, including a final failure).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public static int Total => Clients * UploadsEach;

    public async Task<IReadOnlyList<(UploadKey Key, Answer Answer)>> RunAsync(IReadOnlyList<UploadKey> keys)
    {
        var statistics = keys.Distinct().ToDictionary(k => k, k => UnitPayloads.Statistics(plan, k.Subject, k.Seed));
        var clients = Enumerable.Range(0, Clients).Select(async c =>
        {
            var key = keys[c % keys.Count];
            var answers = new List<(UploadKey, Answer)>();
            for (var i = 0; i < UploadsEach; i++)
            {
                var file = UnitPayloads.Pdf($"{key.Unit} {key.Subject} client {c} upload {i}", FileSize);
                var answer = await client.UnitAsync(HttpMethod.Post, $"/api/unit/reports/{key.Subject}", tokens[key.Unit], "POST /api/unit/reports/{deliverableId}",
                    () => UnitPayloads.ReportForm(statistics[key], file), Traffic.Upload);
                Interlocked.Increment(ref _answered);
                answers.Add((key, answer));
            }

            return answers;
        });
        return [.. (await Task.WhenAll(clients)).SelectMany(a => a)];
    }
}
