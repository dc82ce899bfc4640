namespace Workflow.Domain.Plans;

public enum FieldType
{
    Integer,
    Decimal,
    Percent,
    Boolean,
    Text,

    /// <summary>Rows of typed <see cref="FormField.Columns"/>, one per item (e.g. each unit that missed a title, per year).</summary>
    Table,
}
