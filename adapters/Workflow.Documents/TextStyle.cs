namespace Workflow.Documents;

/// <summary>How a run of text looks: Times New Roman at <see cref="Points"/>, bold or italic.</summary>
internal readonly record struct TextStyle(double Points, bool Bold = false, bool Italic = false)
{
    /// <summary>Decree 30/2020/NĐ-CP: the body in 13–14 pt; 14 here.</summary>
    public static TextStyle Body { get; } = new(14);

    /// <summary>Headers, tables and the annex: 13 pt.</summary>
    public static TextStyle Table { get; } = new(13);

    public TextStyle Bolded => this with { Bold = true };
    public TextStyle Italicized => this with { Italic = true };

    /// <summary>Word measures font sizes in half-points.</summary>
    public string HalfPoints => ((int)Math.Round(Points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
