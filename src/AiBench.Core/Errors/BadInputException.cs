namespace AiBench.Core.Errors;

/// <summary>
/// A mistake in what the user gave us (parameter, suite, path). The CLI prints the message as one line
/// and exits with <see cref="ExitCode.BadInput"/>; no stack trace. Messages quote the user's text, so the
/// message is made one bounded line here: control characters are escaped and a runaway quote is cut.
/// </summary>
public sealed class BadInputException : Exception
{
    public BadInputException(string message) : base(OneLine.Of(message)) { }

    public BadInputException(string message, Exception inner) : base(OneLine.Of(message), inner) { }
}
