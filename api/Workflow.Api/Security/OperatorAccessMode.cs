namespace Workflow.Api.Security;

/// <summary>How an operator policy checks the scope (see <see cref="ApiAuth"/>'s policies).</summary>
public enum OperatorAccessMode
{
    /// <summary>The route's cycle must be in the operator's scope; a route without one needs the root scope.</summary>
    Cycle,

    /// <summary>Any scope: the handler answers only what is in the caller's scope.</summary>
    AnyScope,

    /// <summary>Administrators of the root scope only.</summary>
    Administrator,
}
