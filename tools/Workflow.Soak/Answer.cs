namespace Workflow.Soak;

/// <summary>
/// The final answer to a request after its retries: <see cref="Status"/> 0 when it was never answered. <see cref="Duration"/>
/// is the last attempt's; <see cref="Faulted"/> says an attempt got a server error other than 503 with Retry-After.
/// </summary>
internal sealed record Answer(int Status, string Body, TimeSpan Duration, bool Faulted)
{
    public bool Accepted => Status is >= 200 and < 300;
}
