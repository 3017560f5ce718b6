using AiBench.Core.Errors;
using AiBench.Core.Results;

namespace AiBench.Core.Running;

/// <summary>A finished (or interrupted) run and the exit code it maps to.</summary>
public sealed record RunOutcome(Run Run, ExitCode ExitCode);
