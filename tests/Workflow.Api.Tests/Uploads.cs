using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Api.Tests;

/// <summary>Multipart bodies as a unit's browser sends them: report files with statistics, nomination dossiers.</summary>
internal static class Uploads
{
    public const string Report = "bao-cao-tong-ket";
    public const string Round = "giay-khen-giam-doc";

    public static readonly string[] DocumentIds = ["to-trinh", "bien-ban-hop-xet", "danh-sach-de-nghi", "tom-tat-thanh-tich", "bao-cao-thanh-tich", "ban-sao-khen-thuong"];

    public static byte[] Pdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.7\n{text}\n%%EOF");

    /// <summary>A minimal Excel workbook as the content check takes it: a package with its content types and main part.</summary>
    public static byte[] Xlsx(string text) => Office("xl/workbook.xml", text);

    /// <summary>A minimal Word document as the content check takes it.</summary>
    public static byte[] Docx(string text) => Office("word/document.xml", text);

    private static byte[] Office(string mainPart, string text)
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[]
            {
                ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"),
                (mainPart, $"<?xml version=\"1.0\"?><root>{text}</root>"),
            })
            {
                // A fixed time: two packages of the same text are the same bytes.
                var entry = archive.CreateEntry(name);
                entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    public static MultipartFormDataContent ReportForm(Plan plan, byte[] file, string fileName = "bao-cao.pdf", string? statistics = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(File(file, "application/pdf"), "file", fileName);
        form.Add(new StringContent(statistics ?? Statistics(plan, 7), Encoding.UTF8), "statistics");
        return form;
    }

    public static ByteArrayContent File(byte[] content, string type)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
    }

    /// <summary>A value for every field of the report's forms, the way the plan types them.</summary>
    public static string Statistics(Plan plan, int seed)
    {
        var forms = new Dictionary<string, Dictionary<string, object>>();
        foreach (var form in plan.Deliverables.Single(d => d.Id == Report).Forms.Where(f => !f.IsFileOnly))
        {
            forms[form.Id] = form.Fields.ToDictionary(f => f.Id, f => f.Type switch
            {
                FieldType.Integer => (object)new { number = seed },
                FieldType.Decimal => new { number = 1.5m },
                FieldType.Percent => new { number = 50 },
                FieldType.Boolean => new { flag = true },
                FieldType.Table => new { rows = TableCell.ExampleRows(f, 2) },
                _ => new { text = "Không có ghi chú" },
            });
        }

        return JsonSerializer.Serialize(new { forms });
    }

    /// <summary>A police collective with five years at the required levels: eligible for the director's certificate.</summary>
    public static object Nomination(string id, string unitId) => new
    {
        id,
        name = $"Công an {unitId}",
        kind = "collective",
        nomineeUnit = unitId,
        isPolice = true,
        profile = "tap-the-phong-cong-an-huyen",
        record = new
        {
            yearly = new Dictionary<string, Dictionary<string, string>>
            {
                ["danh-hieu-tap-the"] = new() { ["2019"] = "don-vi-quyet-thang", ["2020"] = "don-vi-tien-tien", ["2021"] = "don-vi-quyet-thang", ["2022"] = "don-vi-tien-tien", ["2023"] = "don-vi-quyet-thang" },
            },
            flags = new Dictionary<string, bool> { ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = false, ["dangXetHoacThiHanhKyLuat"] = false, ["dangThanhTraKiemTra"] = false, ["dangXacMinhDonThu"] = false },
        },
        documents = DocumentIds.Select(d => d == "tom-tat-thanh-tich" ? (object)new { documentId = d, lineCount = 18 } : new { documentId = d }).ToArray(),
    };

    public static MultipartFormDataContent NominationForm(object nomination, int files = 6) => NominationForm(JsonSerializer.Serialize(nomination), files);

    public static MultipartFormDataContent NominationForm(string nominationJson, int files = 6)
    {
        var form = new MultipartFormDataContent { { new StringContent(nominationJson, Encoding.UTF8), "nomination" } };
        for (var i = 0; i < files; i++)
        {
            form.Add(File(Pdf($"{DocumentIds[i % DocumentIds.Length]} {i}"), "application/pdf"), "files", $"{DocumentIds[i % DocumentIds.Length]}.pdf");
        }

        return form;
    }
}
