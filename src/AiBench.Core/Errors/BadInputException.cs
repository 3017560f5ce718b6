namespace AiBench.Core.Errors;

/// <summary>
/// A mistake in what the user gave us (parameter, suite, path). The CLI prints the message as one line
/// and exits with <see cref="ExitCode.BadInput"/>; no stack trace.
/// </summary>
public sealed class BadInputException : Exception
{
    public BadInputException(string message) : base(message) { }

    public BadInputException(string message, Exception inner) : base(message, inner) { }
}
