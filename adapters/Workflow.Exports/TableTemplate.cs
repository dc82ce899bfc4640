using System.Data;
using System.Globalization;
using MiniExcelLibs;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Exports;

/// <summary>
/// The spreadsheet a unit fills for a table field and uploads again (<see cref="TableFileReader"/> reads it): row 1 of
/// the data sheet holds the column labels and nothing else, so Excel's rows number as the errors name them. The
/// workbook also explains each column (type, required, accepted values) and lists the choices of choice columns, with
/// the unit and the plan it is for; the CSV is the header line alone.
/// </summary>
public static class TableTemplate
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The header of the data sheet: the labels, a repeated label told apart by its column id.</summary>
    public static IReadOnlyList<string> Header(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return [.. field.Columns.Select(c => field.Columns.Count(o => o.Label == c.Label) > 1 ? $"{c.Label} ({c.Id})" : c.Label)];
    }

    /// <param name="about">What the template is for, as (heading, text) lines: the plan, the deliverable, the form, the unit.</param>
    public static void WriteXlsx(FormField field, IReadOnlyList<KeyValuePair<string, string>> about, Stream output)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(about);
        using var data = new DataTable(TableFileReader.DataSheet);
        foreach (var label in Header(field))
        {
            data.Columns.Add(label, typeof(string));
        }

        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [TableFileReader.DataSheet] = data,
            ["Hướng dẫn"] = Guide(field, about),
        };
        var choices = field.Columns.Where(c => c.Type == ColumnType.Choice).ToList();
        if (choices.Count > 0)
        {
            sheets["Lựa chọn"] = Enumerable.Range(0, choices.Max(c => c.Choices.Count))
                .Select(i => choices.ToDictionary(c => $"{c.Label} ({c.Id})", c => (object?)(i < c.Choices.Count ? c.Choices[i] : "")))
                .ToList();
        }

        output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    /// <summary>The header line alone, comma-separated, UTF-8 with a BOM (as the exports are).</summary>
    public static void WriteCsv(FormField field, Stream output)
    {
        ArgumentNullException.ThrowIfNull(field);
        ConsolidationExporter.WriteCsv(new ExportTable(field.Id, TableFileReader.DataSheet, Header(field), []), output);
    }

    private static List<Dictionary<string, object?>> Guide(FormField field, IReadOnlyList<KeyValuePair<string, string>> about)
    {
        var limit = field.MaxRows ?? StatisticsValidator.MaxTableRows;
        var header = Header(field);
        var rows = field.Columns.Select((c, i) => Line(header[i], Kind(c), c.Required ? "Bắt buộc" : "Không bắt buộc", Accepted(c))).ToList();
        rows.Add(Line("", "", "", ""));
        rows.AddRange(about.Select(a => Line(a.Key, a.Value, "", "")));
        rows.Add(Line("Cách điền", $"Trang «{TableFileReader.DataSheet}»: giữ nguyên dòng 1 (tên cột), mỗi dòng sau là một dòng của bảng, tối đa {limit.ToString("N0", Vietnamese)} dòng"
            + (field.MinRows is > 0 ? $", ít nhất {field.MinRows} dòng" : "") + ". Lưu dạng .xlsx (hoặc CSV UTF-8) rồi tải lên ở trang nộp báo cáo.", "", ""));
        return rows;
    }

    private static Dictionary<string, object?> Line(string column, string kind, string required, string accepted) => new(StringComparer.Ordinal)
    {
        ["Cột"] = column,
        ["Kiểu dữ liệu"] = kind,
        ["Bắt buộc"] = required,
        ["Cách ghi"] = accepted,
    };

    private static string Kind(TableColumn column) => column.Type switch
    {
        ColumnType.Integer => "Số nguyên",
        ColumnType.Decimal => "Số",
        ColumnType.Date => "Ngày",
        ColumnType.Year => "Năm",
        ColumnType.Choice => "Chọn trong danh sách",
        _ => "Chữ",
    };

    private static string Accepted(TableColumn column)
    {
        var max = column.Max is { } m && m < FormField.Ceiling ? m : FormField.Ceiling;
        return column.Type switch
        {
            ColumnType.Integer => $"Từ 0 đến {max.ToString("N0", Vietnamese)}, không có phần lẻ.",
            ColumnType.Decimal => $"Từ 0 đến {max.ToString("N0", Vietnamese)}; phần lẻ sau dấu chấm (1.5) hoặc gõ trong ô số của Excel.",
            ColumnType.Date => "Ô ngày của Excel, hoặc gõ dd/MM/yyyy (15/12/2023).",
            ColumnType.Year => "4 chữ số, từ 1945 đến 2100.",
            ColumnType.Choice => $"Một trong: {string.Join("; ", column.Choices)} (xem trang «Lựa chọn»).",
            _ => "Tối đa 2.000 ký tự.",
        };
    }
}
