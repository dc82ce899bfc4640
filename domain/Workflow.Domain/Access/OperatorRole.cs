namespace Workflow.Domain.Access;

/// <summary>What an operator may do: viewers only read, operators act on cycles in their scope, administrators also manage accounts.</summary>
public enum OperatorRole
{
    Viewer,
    Operator,
    Administrator,
}
