using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Shifa.Core.Tests.Readers;

/// <summary>Writes small test workbooks with the Open XML SDK, the way Excel lays them out (merged cells after the sheet data).</summary>
public static class XlsxWriter
{
    public static void Write(string path, IReadOnlyList<object?[]> rows, params string[] merges)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var sheetPart = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                row.Append(rows[r][c] switch
                {
                    null => new Cell { CellReference = reference },
                    double d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
                    var v => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString()!)) },
                });
            }

            data.Append(row);
        }

        var sheet = new Worksheet(data);
        if (merges.Length > 0)
        {
            sheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        sheetPart.Worksheet = sheet;
        var sheets = wb.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "الأسئلة" });
        wb.Workbook.Save();
    }
}
