namespace AiBench.Core.Native;

/// <summary>The outcome of loading one native library: the handle and the file that answered, or why none did.</summary>
public sealed record LoadedNativeLibrary(nint Handle, string? LoadedFrom, string? Failure)
{
    public bool IsLoaded => Handle != 0;

    public static LoadedNativeLibrary Failed(string failure) => new(0, null, failure);

    /// <summary>The first of <paramref name="targets"/> (paths or names) that loads; <paramref name="whyNot"/> when none does.</summary>
    public static LoadedNativeLibrary First(IEnumerable<string> targets, Func<string> whyNot)
    {
        foreach (string target in targets)
        {
            if (System.Runtime.InteropServices.NativeLibrary.TryLoad(target, out nint handle))
            {
                return new LoadedNativeLibrary(handle, target, null);
            }
        }

        return Failed(whyNot());
    }
}
