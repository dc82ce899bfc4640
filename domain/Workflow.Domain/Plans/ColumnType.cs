namespace Workflow.Domain.Plans;

/// <summary>What a column of a table field holds.</summary>
public enum ColumnType
{
    Text,
    Integer,
    Decimal,

    /// <summary>A calendar day, written yyyy-MM-dd (or dd/MM/yyyy in a spreadsheet).</summary>
    Date,

    /// <summary>One of the column's <see cref="TableColumn.Choices"/>.</summary>
    Choice,

    /// <summary>A year such as 2023.</summary>
    Year,
}
