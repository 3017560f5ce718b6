using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AiBench.Core.Native;

/// <summary>
/// The native libraries one assembly imports, behind its one <see cref="NativeLibrary.SetDllImportResolver"/> (the
/// runtime allows one per assembly): maps each import name to how to load it, loads each library once and remembers
/// the outcome (the handle, or why it failed), so an availability probe and every later import see the same library
/// and a missing one is explained once. Names it does not know fall through to the runtime's default probing.
/// </summary>
public sealed class NativeLibrarySet
{
    private readonly Assembly _assembly;
    private readonly IReadOnlyDictionary<string, Func<LoadedNativeLibrary>> _loaders;
    private readonly ConcurrentDictionary<string, Lazy<LoadedNativeLibrary>> _loaded = new(StringComparer.Ordinal);
    private int _registered;

    /// <param name="assembly">The assembly whose <c>[LibraryImport]</c>s this set resolves.</param>
    /// <param name="loaders">Import name (as written in the attributes) to the load of that library; it must not throw.</param>
    public NativeLibrarySet(Assembly assembly, IReadOnlyDictionary<string, Func<LoadedNativeLibrary>> loaders)
    {
        _assembly = assembly;
        _loaders = loaders;
    }

    /// <summary>Loads a library by import name (once per process, registering the resolver first); never throws.</summary>
    public LoadedNativeLibrary Load(string importName)
    {
        EnsureRegistered();
        return _loaded.GetOrAdd(importName, name => new Lazy<LoadedNativeLibrary>(() =>
            _loaders.TryGetValue(name, out Func<LoadedNativeLibrary>? load)
                ? load()
                : LoadedNativeLibrary.Failed($"no native library is known as '{name}'"))).Value;
    }

    /// <summary>Registers the resolver; idempotent and thread-safe. Interop classes call it before their first import.</summary>
    public void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(_assembly, Resolve);
        }
    }

    private nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        _loaders.ContainsKey(libraryName) ? Load(libraryName).Handle : 0;
}
