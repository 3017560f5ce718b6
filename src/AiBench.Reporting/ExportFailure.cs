namespace AiBench.Reporting;

/// <summary>An exporter that could not write its view; the other views were still written.</summary>
public sealed record ExportFailure(string Exporter, string Message, Exception Exception);
