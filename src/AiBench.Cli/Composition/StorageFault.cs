namespace AiBench.Cli.Composition;

/// <summary>The exceptions a file system raises when it cannot take a write now: full, read-only, removed, no permission.</summary>
internal static class StorageFault
{
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException;
}
