namespace AiBench.Core.Files;

/// <summary>The exceptions a file system raises when it cannot serve a read or a write now: full, read-only, removed, no permission.</summary>
public static class StorageFault
{
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException;
}
