namespace Workflow.Domain.Plans;

public enum FieldType
{
    Integer,
    Decimal,
    Percent,
    Boolean,
    Text,
}
