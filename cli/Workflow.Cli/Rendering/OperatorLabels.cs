namespace Workflow.Cli.Rendering;

/// <summary>Roles and scopes in Vietnamese.</summary>
internal static class OperatorLabels
{
    public static string Role(string role) => role switch
    {
        "administrator" => "quản trị (administrator)",
        "operator" => "vận hành (operator)",
        "viewer" => "chỉ xem (viewer)",
        _ => role,
    };

    public static string Scope(string scope) => scope == "*" ? "toàn hệ thống (*)" : $"đơn vị {scope} và các đơn vị cấp dưới";
}
