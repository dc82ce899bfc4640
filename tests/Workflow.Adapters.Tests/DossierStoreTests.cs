using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

[Collection(AdapterCollection.Name)]
public sealed class DossierStoreTests(AdapterFixture fixture)
{
    [Fact]
    public async Task ConditionalCreate_OnAnExistingVersion_FailsAndChangesNothing()
    {
        var (store, key) = SetUp();
        var original = await store.TryCreateVersionAsync(key, 1, Upload("Tờ trình.pdf", "bản gốc", "BG-2024-000001"));

        var overwrite = await store.TryCreateVersionAsync(key, 1, Upload("khác.pdf", "bản ghi đè", "BG-2024-000002"));

        Assert.NotNull(original);
        Assert.Null(overwrite);
        var stored = await store.DownloadAsync(key, 1);
        Assert.Equal("bản gốc", stored!.Content.ToString());
        Assert.Equal(original, stored.Version);
        Assert.Single(await store.ListVersionsAsync(key));
    }

    [Fact]
    public async Task StoredVersion_CarriesSha256SizeTypeNameAndReceiptInAsciiMetadata()
    {
        var (store, key) = SetUp();
        var content = "Báo cáo sơ kết 10 năm Chỉ thị 07"u8.ToArray();

        var stored = await store.AddVersionAsync(key, Upload("Báo cáo sơ kết.pdf", Encoding.UTF8.GetString(content), "BG-2024-000007"));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        var container = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(new StorageOptions { Prefix = fixture.Prefix }.DossierContainer);
        var properties = (await container.GetBlobClient(stored.BlobName).GetPropertiesAsync()).Value;
        Assert.Equal($"{key.CycleId}/{key.UnitId}/{key.SubjectId}/v0001", stored.BlobName);
        Assert.Equal(stored.Sha256, properties.Metadata["sha256"]);
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.Metadata["size"]);
        Assert.Equal("application/pdf", properties.Metadata["contenttype"]);
        Assert.Equal("BG-2024-000007", properties.Metadata["receipt"]);
        Assert.Equal("Báo cáo sơ kết.pdf", Encoding.UTF8.GetString(Convert.FromBase64String(properties.Metadata["filename_b64"])));
        Assert.All(properties.Metadata.Values, v => Assert.True(v.All(char.IsAscii), $"metadata value '{v}' is not ASCII"));
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Contains("filename*=UTF-8''B%C3%A1o", properties.ContentDisposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentResubmissions_BecomeDistinctVersions()
    {
        var (store, key) = SetUp();

        var stored = await Task.WhenAll(Enumerable.Range(1, 6).Select(n => store.AddVersionAsync(key, Upload("a.pdf", $"bản {n}", $"R-{n}"))));

        Assert.Equal([1, 2, 3, 4, 5, 6], stored.Select(s => s.Version).Order());
        var listed = await store.ListVersionsAsync(key);
        Assert.Equal([1, 2, 3, 4, 5, 6], listed.Select(v => v.Version));
        foreach (var version in listed)
        {
            var file = await store.DownloadAsync(key, version.Version);
            Assert.Equal(version.Sha256, Convert.ToHexStringLower(SHA256.HashData(file!.Content.ToArray())));
        }
    }

    [Fact]
    public async Task Download_OfAMissingVersion_IsNull()
    {
        var (store, key) = SetUp();

        Assert.Null(await store.DownloadAsync(key, 3));
    }

    private (IDossierStore Store, SubmissionKey Key) SetUp() =>
        (fixture.Storage(TimeProvider.System).GetRequiredService<IDossierStore>(), new SubmissionKey(AdapterFixture.NewCycleId(), "so-giao-duc", "khen-thuong"));

    private static DossierUpload Upload(string name, string content, string receipt) =>
        new(name, "application/pdf", BinaryData.FromString(content), receipt, Clock.Vietnam(2024, 3, 30, 10), Late: false);
}
