namespace Workflow.Benchmarks;

/// <summary>HTTP requests by service since the meter started; subtract two snapshots for one run.</summary>
internal sealed record StorageCount(long Blob, long Queue, long Table, long SendGrid)
{
    public long Storage => Blob + Queue + Table;

    public static StorageCount operator -(StorageCount a, StorageCount b) =>
        new(a.Blob - b.Blob, a.Queue - b.Queue, a.Table - b.Table, a.SendGrid - b.SendGrid);

    public string Describe() => $"{Storage:N0} storage requests (table {Table:N0}, queue {Queue:N0}, blob {Blob:N0}), {SendGrid:N0} SendGrid requests";
}
