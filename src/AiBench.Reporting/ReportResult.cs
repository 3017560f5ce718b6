namespace AiBench.Reporting;

/// <summary>What a report run wrote (full paths) and which exporters failed.</summary>
public sealed record ReportResult(IReadOnlyList<string> Files, IReadOnlyList<ExportFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}
