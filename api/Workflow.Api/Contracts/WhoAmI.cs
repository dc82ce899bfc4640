using Workflow.Domain.Access;

namespace Workflow.Api.Contracts;

/// <summary>Who is calling: account id, name, role, scope ("*": the whole tree) and source (key, bootstrap, entra).</summary>
public sealed record WhoAmI(string Id, string Name, OperatorRole Role, string Scope, string Source);
