using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Workflow.Exports;

/// <summary>Writes the export tables as CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly) and as one workbook.</summary>
public static class ConsolidationExporter
{
    public static void WriteCsv(ExportTable table, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.Write(string.Join(',', table.Columns.Select(Escape)));
        writer.Write("\r\n");
        foreach (var row in table.Rows)
        {
            writer.Write(string.Join(',', row.Select(cell => Escape(Format(cell)))));
            writer.Write("\r\n");
        }
    }

    public static void WriteWorkbook(IReadOnlyList<ExportTable> tables, Stream output)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            sheets[table.SheetName] = table.Rows.Select(row => Sheet(table.Columns, row)).ToList();
        }

        output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    private static Dictionary<string, object?> Sheet(IReadOnlyList<string> columns, IReadOnlyList<object?> row)
    {
        var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            // Repeated headings (two blocks with one name) still need distinct keys.
            var key = cells.ContainsKey(columns[i]) ? $"{columns[i]} ({i + 1})" : columns[i];
            cells[key] = i < row.Count ? row[i] : null;
        }

        return cells;
    }

    private static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
