namespace AiBench.Reporting;

/// <summary>The names of the files a run folder holds, in one place so links between them stay right.</summary>
public static class ReportFileNames
{
    public const string RunJson = Core.Results.RunFile.FileName;
    public const string MeasurementsCsv = "measurements.csv";
    public const string SummaryMarkdown = "summary.md";
    public const string HtmlReport = "report.html";
    public const string JUnitXml = "junit.xml";
    public const string ChartsFolder = "charts";
    public const string ComparisonMarkdown = "comparison.md";
    public const string ComparisonHtml = "comparison.html";
    public const string PdfReport = "report.pdf";
    public const string ComparisonPdf = "comparison.pdf";
}
