namespace Workflow.Email;

/// <summary>What the provider's activity says about one message key.</summary>
public enum ProviderLookup
{
    /// <summary>The provider has a message with this key: it was sent.</summary>
    Found,

    /// <summary>The provider has no message with this key.</summary>
    NotFound,

    /// <summary>The lookup itself failed (no activity access, outage): nothing can be concluded.</summary>
    Unavailable,
}
