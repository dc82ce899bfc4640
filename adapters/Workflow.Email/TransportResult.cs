namespace Workflow.Email;

/// <summary>
/// What one provider request did: <see cref="Delivered"/> (with the provider's message id), certainly not delivered
/// (<see cref="Refused"/> with the HTTP status, or never connected), or unknown (a timeout or a lost response), in
/// which case its keys stay pending until the provider is asked.
/// </summary>
public sealed record TransportResult(bool Delivered, bool CertainlyNotDelivered, int? Status, string? ProviderMessageId, string? Error)
{
    /// <summary>Refusals that will not pass by themselves (bad request, bad key, too large): retrying would only repeat them.</summary>
    public bool Permanent => Status is >= 400 and < 500 and not (408 or 429);
}
