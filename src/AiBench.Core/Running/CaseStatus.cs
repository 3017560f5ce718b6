namespace AiBench.Core.Running;

/// <summary>A case's status lines, passed to the observer synchronously on the reporting thread with the case's number.</summary>
internal sealed class CaseStatus(IRunObserver observer, int caseNumber) : IProgress<string>
{
    public void Report(string value) => observer.Status(caseNumber, value);
}
