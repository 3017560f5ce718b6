namespace AiBench.Benchmarks.Native;

/// <summary>The outcome of loading a native library: its handle and the file that answered, or why none did.</summary>
internal sealed record LoadedLibrary(nint Handle, string? LoadedFrom, string? Error)
{
    public bool IsLoaded => Handle != 0;

    public static LoadedLibrary Failed(string error) => new(0, null, error);
}
