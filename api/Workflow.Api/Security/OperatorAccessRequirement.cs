using Microsoft.AspNetCore.Authorization;

namespace Workflow.Api.Security;

/// <summary>The role and scope check of every operator policy, decided by <see cref="OperatorAccessHandler"/>.</summary>
public sealed record OperatorAccessRequirement(OperatorAccessMode Mode) : IAuthorizationRequirement;
