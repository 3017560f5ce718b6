namespace AiBench.Core.Errors;

/// <summary>
/// The hardware, library or endpoint a benchmark needs is missing or failed (no CUDA device, libopenblas
/// not found). Maps to <see cref="ExitCode.CouldNotRun"/> when the suite requires that benchmark.
/// </summary>
public sealed class CouldNotRunException : Exception
{
    public CouldNotRunException(string message) : base(message) { }

    public CouldNotRunException(string message, Exception inner) : base(message, inner) { }
}
