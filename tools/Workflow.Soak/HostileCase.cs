namespace Workflow.Soak;

/// <summary>
/// One hostile request: the route it aims at, what is wrong with it, and how to build it. <see cref="MustRefuse"/>
/// marks requests that must not be answered 2xx (a write, or a forged or non-canonical credential); any request
/// answered 5xx is a finding.
/// </summary>
internal sealed record HostileCase(string Route, string Name, Func<HttpRequestMessage> Build, bool MustRefuse = true);
