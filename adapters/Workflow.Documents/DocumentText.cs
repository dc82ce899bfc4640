using System.Globalization;
using Workflow.Domain.Awards;

namespace Workflow.Documents;

/// <summary>The Vietnamese phrases both documents share.</summary>
internal static class DocumentText
{
    public static CultureInfo Culture => OrganName.Vietnamese;

    /// <summary>
    /// "Bắc Giang, ngày 05 tháng 02 năm 2024": Decree 30 writes days below 10 and the months January and February with a
    /// leading zero, and no other month.
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly date)
    {
        var month = date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {date.Day.ToString("00", CultureInfo.InvariantCulture)} tháng {month} năm {Year(date)}";
    }

    public static string Year(DateOnly date) => date.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2 tập thể và 3 cá nhân"; a kind with nobody is not named.</summary>
    public static string Counts(AwardDraft draft)
    {
        var parts = new List<string>(2);
        if (draft.Collectives > 0 || draft.Individuals == 0)
        {
            parts.Add($"{Number(draft.Collectives)} tập thể");
        }

        if (draft.Individuals > 0)
        {
            parts.Add($"{Number(draft.Individuals)} cá nhân");
        }

        return string.Join(" và ", parts);
    }

    /// <summary>"Số: …/QĐ-UBND": a draft leaves the number for the clerk who registers it.</summary>
    public static string NumberLine(DocumentHeader header) => $"Số: …/{header.Symbol}";

    /// <summary>The proposing organ as the body cites it: "Công an tỉnh Bắc Giang".</summary>
    public static string Proposer(AwardDraft draft) => OrganName.SentenceCase(draft.Submission.Organ, draft.Place);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
