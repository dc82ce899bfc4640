using System.Text;
using MiniExcelLibs;
using Workflow.Domain.Plans;

namespace Workflow.Exports.Tests;

/// <summary>The unit list template filled with a plan's units: one row per unit, parents first, read back as the same tree.</summary>
public sealed class UnitTemplateTests
{
    private static readonly Plan Plan = UnitListPlan.WithoutUnits with
    {
        Units =
        [
            new Unit { Id = "pa-01", Name = "Phòng An ninh chính trị nội bộ", Block = "police-department", Emails = ["pa01@congan.bacgiang.example"], IsPolice = true },
            new Unit
            {
                Id = "bcd-yen-the", Name = "Ban Chỉ đạo huyện Yên Thế", Block = "district-committee", Supervisor = "tv-01",
                Emails = ["vanphong@yenthe.example", "congan@yenthe.example"],
                Units =
                [
                    new Unit
                    {
                        Id = "yen-the-bo-ha", Name = "Ban Chỉ đạo thị trấn Bố Hạ, huyện Yên Thế", Block = "commune", Emails = ["boha@yenthe.example"], ManagedBy = "pa-01",
                        Units = [new Unit { Id = "bo-ha-thon-1", Name = "Tổ an ninh thôn 1, \"Bố Hạ\"", Block = "commune", Emails = ["thon1@yenthe.example"] }],
                    },
                    new Unit { Id = "yen-the-dong-son", Name = "Ban Chỉ đạo xã Đồng Sơn", Block = "commune", Emails = ["dongson@yenthe.example"], IsPolice = true },
                ],
            },
            new Unit { Id = "bcd-tan-yen", Name = "Ban Chỉ đạo huyện Tân Yên", Block = "district-committee", Emails = ["bcd@tanyen.example"], Supervisor = "tv-01" },
        ],
    };

    [Fact]
    public void Rows_are_depth_first_with_the_parent_named_emails_joined_and_police_marked()
    {
        var rows = UnitTemplate.Rows(Plan.Units);

        Assert.Equal(["pa-01", "bcd-yen-the", "yen-the-bo-ha", "bo-ha-thon-1", "yen-the-dong-son", "bcd-tan-yen"], rows.Select(r => r[0]));
        Assert.Equal([null, null, "bcd-yen-the", "yen-the-bo-ha", "bcd-yen-the", null], rows.Select(r => r[4]));
        Assert.Equal("vanphong@yenthe.example; congan@yenthe.example", rows[1][3]);
        Assert.Equal(["x", null, null, null, "x", null], rows.Select(r => r[7]));
        Assert.Equal(("tv-01", "pa-01"), (rows[1][5], rows[2][6]));
    }

    [Theory]
    [InlineData("don-vi.xlsx")]
    [InlineData("don-vi.csv")]
    public void The_filled_template_reads_back_as_the_plans_own_tree(string fileName)
    {
        using var stream = new MemoryStream();
        if (fileName.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            UnitTemplate.WriteXlsx(stream, Plan.Units);
        }
        else
        {
            UnitTemplate.WriteCsv(stream, Plan.Units);
        }

        stream.Position = 0;
        var read = UnitFileReader.Read(Plan, fileName, stream);

        Assert.Empty(read.Errors);
        Assert.True(UnitListDiff.Between(Plan.Units, read.Units).IsEmpty);
        Assert.Equal(Plan.AllUnits().Select(u => u.Id), read.Units.SelectMany(u => u.Descendants().Prepend(u)).Select(u => u.Id));
    }

    [Fact]
    public void The_filled_workbook_keeps_the_notes_row_and_the_guide()
    {
        using var stream = new MemoryStream();
        UnitTemplate.WriteXlsx(stream, Plan.Units);
        stream.Position = 0;

        Assert.Equal([TableFileReader.DataSheet, "Hướng dẫn"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, sheetName: TableFileReader.DataSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(1 + Plan.AllUnits().Count(), rows.Count);
        Assert.StartsWith("(bắt buộc", rows[0][UnitTemplate.Id]?.ToString(), StringComparison.Ordinal);
        Assert.Equal("pa-01", rows[1][UnitTemplate.Id]);

        using var csv = new MemoryStream();
        UnitTemplate.WriteCsv(csv, Plan.Units);
        var lines = Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2 + Plan.AllUnits().Count(), lines.Length);
        Assert.Equal("bo-ha-thon-1,\"Tổ an ninh thôn 1, \"\"Bố Hạ\"\"\",commune,thon1@yenthe.example,yen-the-bo-ha,,,", lines[5]);
    }
}
