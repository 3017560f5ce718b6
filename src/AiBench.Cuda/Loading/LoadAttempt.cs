namespace AiBench.Cuda.Loading;

/// <summary>One try to load a library: a bare file name given to the system loader (dlopen's own search), or a path.</summary>
public sealed record LoadAttempt(string Target, bool UsesSystemLoader)
{
    public override string ToString() => UsesSystemLoader ? $"{Target} (system loader)" : Target;
}
