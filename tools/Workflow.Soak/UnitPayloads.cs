using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Soak;

/// <summary>What units send: report statistics for every field of a deliverable's forms, a nomination, and real PDF files.</summary>
internal static class UnitPayloads
{
    /// <summary>A value for every field, varying with <paramref name="seed"/>, as a unit's statistics would.</summary>
    public static string Statistics(Plan plan, string subject, int seed)
    {
        var forms = new Dictionary<string, Dictionary<string, object>>();
        foreach (var form in plan.Deliverables.Single(d => d.Id == subject).Forms.Where(f => !f.IsFileOnly))
        {
            forms[form.Id] = form.Fields.ToDictionary(f => f.Id, f => f.Type switch
            {
                FieldType.Integer => new { number = (decimal)((seed * 7) + f.Id.Length) % 23 },
                FieldType.Decimal => new { number = 1.5m },
                FieldType.Percent => new { number = 80m },
                FieldType.Boolean => (object)new { flag = seed % 5 != 0 },
                FieldType.Table => new { rows = TableCell.ExampleRows(f, 1 + (seed % 3)) },
                _ => new { text = "Không có ý kiến thêm" },
            });
        }

        return JsonSerializer.Serialize(new { forms });
    }

    /// <summary>A police collective proposed by its own district, with every document of the round's dossier.</summary>
    public static object Nomination(string id, Unit unit, IEnumerable<string> documents) => new
    {
        id,
        name = $"Công an {unit.Name.Replace("Ban Chỉ đạo ", "", StringComparison.Ordinal)}",
        kind = "collective",
        nomineeUnit = unit.Id,
        isPolice = true,
        profile = "tap-the-phong-cong-an-huyen",
        record = new
        {
            flags = new Dictionary<string, bool> { ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = false, ["dangXetHoacThiHanhKyLuat"] = false, ["dangThanhTraKiemTra"] = false, ["dangXacMinhDonThu"] = false },
        },
        // Five titles, each with its decision (its file goes in the part evidence.{id}).
        achievements = new[] { (2019, "don-vi-quyet-thang", "Đơn vị quyết thắng"), (2020, "don-vi-tien-tien", "Đơn vị tiên tiến"), (2021, "don-vi-quyet-thang", "Đơn vị quyết thắng"), (2022, "don-vi-quyet-thang", "Đơn vị quyết thắng"), (2023, "don-vi-tien-tien", "Đơn vị tiên tiến") }
            .Select(t => new { id = $"tt-{t.Item1}", year = t.Item1, title = t.Item3, scale = "danh-hieu-tap-the", level = t.Item2, decisionNumber = $"{t.Item1 % 100}{unit.Id.Length}/QĐ-CAT", decisionDate = $"{t.Item1}-12-20", issuer = "Giám đốc Công an tỉnh Bắc Giang" }),
        documents = documents.Select(d => new { documentId = d, lineCount = d == "tom-tat-thanh-tich" ? 15 : (int?)null }),
    };

    public static IReadOnlyList<string> Documents(Plan plan) =>
        [.. plan.NominationRounds.Single(r => r.Id == SoakScenario.Round).Dossier!.Documents.Select(d => d.Id)];

    public static MultipartFormDataContent ReportForm(string statistics, byte[] file, string fileName = "Báo cáo.pdf", string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(statistics, Encoding.UTF8, "application/json"), "statistics" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(content, "file", fileName);
        return form;
    }

    public static MultipartFormDataContent NominationForm(string nomination, IReadOnlyList<string> documents, Func<string, byte[]> file)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(nomination, Encoding.UTF8, "application/json"), "nomination" },
        };
        foreach (var document in documents)
        {
            var content = new ByteArrayContent(file(document));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "files", $"{document}.pdf");
        }

        // Each declared record's decision, as its evidence; a body that is not a nomination's JSON carries none.
        using var json = TryParse(nomination);
        if (json?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("achievements", out var records) && records.ValueKind == JsonValueKind.Array)
        {
            foreach (var id in records.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String).Select(r => r.GetProperty("id").GetString()!))
            {
                var content = new ByteArrayContent(file($"quyet-dinh-{id}"));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(content, $"evidence.{id}", $"quyet-dinh-{id}.pdf");
            }
        }

        return form;
    }

    private static JsonDocument? TryParse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A well-formed one-page PDF of about <paramref name="size"/> bytes (catalog, page tree, a content stream of
    /// comments, a correct cross-reference table), so a checker that reads beyond the magic bytes accepts it.
    /// </summary>
    public static byte[] Pdf(string marker, int size = 2048)
    {
        var head = $"q\n% {marker}\nQ\n";
        var padding = Math.Max(0, size - 600 - Encoding.UTF8.GetByteCount(head));
        var line = "% soak padding 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\n";
        var stream = new StringBuilder(head, head.Length + padding + line.Length);
        while (stream.Length < head.Length + padding)
        {
            stream.Append(line);
        }

        var body = Encoding.UTF8.GetBytes(stream.ToString());
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        ];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        offsets.Add(pdf.Position);
        Write($"4 0 obj\n<< /Length {body.Length} >>\nstream\n");
        pdf.Write(body);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }
}
