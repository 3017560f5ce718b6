namespace AiBench.Benchmarks.Native;

/// <summary>
/// The native libraries this assembly imports, in one place: the logical name used in
/// <c>[LibraryImport]</c> and the file names tried, in order, to load it (see <see cref="NativeLibraryResolver"/>).
/// </summary>
internal static class NativeLibraryNames
{
    /// <summary>Our own C engines (native/), built by CMake beside the managed build.</summary>
    public const string AiBenchNative = "aibench_native";

    /// <summary>A CBLAS implementation; OpenBLAS first because it is the fast one Debian ships (libopenblas0).</summary>
    public const string OpenBlas = "openblas";

    public const string AiBenchNativeFile = "libaibench_native.so";

    /// <summary>The MPI shim of the collectives (native/mpi), built only where an MPI is installed.</summary>
    public const string AiBenchMpi = "aibench_mpi";

    public const string AiBenchMpiFile = "libaibench_mpi.so";

    /// <summary>
    /// OpenBLAS's runtime soname, its development symlink, then a generic CBLAS (reference or ATLAS: correct, but
    /// slow; the measurement records which library answered).
    /// </summary>
    public static IReadOnlyList<string> OpenBlasFiles { get; } = ["libopenblas.so.0", "libopenblas.so", "libcblas.so.3"];
}
