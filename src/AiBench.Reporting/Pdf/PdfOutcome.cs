namespace AiBench.Reporting.Pdf;

/// <summary>What printing a PDF came to: the file, a note on why it was skipped, or a failure.</summary>
public sealed record PdfOutcome(string? File, string? Note, ExportFailure? Failure);
