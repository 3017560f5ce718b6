using AiBench.Reporting.Pdf;

namespace AiBench.Reporting;

/// <summary>What a report run wrote (full paths), which exporters failed, and notes on what was skipped on purpose.</summary>
public sealed record ReportResult(IReadOnlyList<string> Files, IReadOnlyList<ExportFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Files left out for a reason that is no failure (no Chromium for the PDF), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ReportResult With(PdfOutcome pdf) => this with
    {
        Files = pdf.File is null ? Files : [.. Files, pdf.File],
        Failures = pdf.Failure is null ? Failures : [.. Failures, pdf.Failure],
        Notes = pdf.Note is null ? Notes : [.. Notes, pdf.Note],
    };
}
