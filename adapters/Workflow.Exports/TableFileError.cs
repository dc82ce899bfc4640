namespace Workflow.Exports;

/// <summary>
/// Something wrong in an uploaded table file, in Vietnamese. <see cref="Field"/> is <c>file</c> for the file as a whole
/// (or its header), or <c>rows[i].column</c> for a cell, <c>i</c> counting the rows read (blank rows skipped) from 0;
/// <see cref="Row"/> is the row as the spreadsheet shows it (the header is row 1).
/// </summary>
public sealed record TableFileError(string Field, string Message, int? Row = null, string? Column = null);
