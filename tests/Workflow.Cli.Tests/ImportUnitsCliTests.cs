using System.Text;
using Workflow.Domain.Serialization;

namespace Workflow.Cli.Tests;

/// <summary>
/// `workflow plan import-units`: a unit list kept in a spreadsheet (here its .csv form) lists its differences from the
/// plan file and is written into it; a bad row is named by row and column and nothing is written.
/// </summary>
public sealed class ImportUnitsCliTests : IDisposable
{
    private const string Header = "Mã đơn vị,Tên đơn vị,Khối,Thư điện tử,Đơn vị cấp trên,Thành viên phụ trách,Đơn vị quản lý,Thuộc Công an";

    private static readonly string[] Units =
    [
        "huyen-an-son,BCĐ huyện An Sơn,huyen,bcd@anson.thunghiem.example,,tv-01,,",
        "xa-an-lac,UBND xã An Lạc,xa,vanphong@anlac.thunghiem.example,huyen-an-son,,,",
        "xa-an-binh,UBND xã An Bình,xa,vanphong@anbinh.thunghiem.example,huyen-an-son,,,",
        "xa-an-phu,UBND xã An Phú (sáp nhập),xa,vanphong@anphu.thunghiem.example,huyen-an-son,,,",
        "xa-an-hoa,UBND xã An Hoà,xa,vanphong@anhoa.thunghiem.example,huyen-an-son,,,",
        "huyen-dong-ha,BCĐ huyện Đông Hà,huyen,bcd@dongha.thunghiem.example,,tv-01,,",
        "xa-dong-lam,UBND xã Đông Lâm,xa,vanphong@donglam.thunghiem.example,huyen-dong-ha,,,",
        "xa-dong-tien,UBND xã Đông Tiến,xa,vanphong@dongtien.thunghiem.example,huyen-dong-ha,,,",
        "xa-dong-hoa,UBND xã Đông Hoà,xa,vanphong@donghoa.thunghiem.example,huyen-dong-ha,,,",
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("workflow-import-units-");
    private readonly string _plan;

    public ImportUnitsCliTests()
    {
        _plan = Path.Combine(_folder.FullName, "ke-hoach.plan.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "plans", "cay-hai-huyen.plan.json"), _plan);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Csv(params string[] rows)
    {
        var path = Path.Combine(_folder.FullName, "don-vi.csv");
        File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n", Encoding.UTF8);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, _ => null, new StubHandler((_, _) => throw new InvalidOperationException("offline verb called the host")));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ImportUnits_ListsTheChanges_ThenWritesTheUnitsIntoThePlan()
    {
        var csv = Csv(Units);
        var before = await File.ReadAllTextAsync(_plan);

        var (dry, dryOutput, _) = await Run("plan", "import-units", csv, "--plan", _plan, "--dry-run");
        Assert.Equal(0, dry);
        Assert.Contains("9 đơn vị; so với", dryOutput, StringComparison.Ordinal);
        Assert.Contains("thêm 1, bỏ 0, sửa 1", dryOutput, StringComparison.Ordinal);
        Assert.Contains("+ xa-an-hoa — UBND xã An Hoà", dryOutput, StringComparison.Ordinal);
        Assert.Contains("~ xa-an-phu — UBND xã An Phú (sáp nhập): name", dryOutput, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(_plan));

        var (code, output, error) = await Run("plan", "import-units", csv, "--plan", _plan);

        Assert.True(code == 0, error);
        Assert.Contains($"✓ Đã ghi 9 đơn vị vào {_plan}.", output, StringComparison.Ordinal);
        var plan = PlanJson.Read(await File.ReadAllTextAsync(_plan)).Plan!;
        Assert.Equal(9, plan.AllUnits().Count());
        Assert.Equal("UBND xã An Phú (sáp nhập)", plan.AllUnits().Single(u => u.Id == "xa-an-phu").Name);
        Assert.Contains(plan.Units.Single(u => u.Id == "huyen-an-son").Descendants(), u => u.Id == "xa-an-hoa");
        Assert.Equal(0, (await Run("validate", _plan)).Code);
    }

    [Fact]
    public async Task ImportUnits_WithABadRow_NamesItsRowAndColumn_AndWritesNothing()
    {
        var rows = Units.ToArray();
        rows[1] = "xa-an-lac,UBND xã An Lạc,khoi-khong-co,vanphong@anlac.thunghiem.example,huyen-an-son,,,";
        var csv = Csv(rows);
        var before = await File.ReadAllTextAsync(_plan);

        var (code, _, error) = await Run("plan", "import-units", csv, "--plan", _plan);

        Assert.Equal(1, code);
        Assert.Contains("không ghi gì vào kế hoạch", error, StringComparison.Ordinal);
        Assert.Contains("Dòng 3, cột «Khối»", error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(_plan));
    }

    [Fact]
    public async Task ImportUnits_WithoutThePlan_IsAUsageError()
    {
        var (code, _, error) = await Run("plan", "import-units", Csv(Units));

        Assert.Equal(2, code);
        Assert.Contains("--plan", error, StringComparison.Ordinal);
    }
}
