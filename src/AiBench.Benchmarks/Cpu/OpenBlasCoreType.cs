using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.Cpu;

/// <summary>
/// Chooses OpenBLAS's kernel family from the CPU's instruction sets before the library loads. OpenBLAS's runtime
/// detection knows CPUs by model number, so a CPU newer than the library (Debian 12's 0.3.21 on Emerald Rapids)
/// falls back to its SSE3 "Prescott" kernels: a quarter of the machine's GEMM speed, reported as if it were the
/// hardware's. <c>OPENBLAS_CORETYPE</c> set by the user always wins.
/// </summary>
internal static unsafe class OpenBlasCoreType
{
    public const string Variable = "OPENBLAS_CORETYPE";

    /// <summary>
    /// The oldest kernel family that uses every vector unit these flags show: SkylakeX for AVX-512 (its sgemm and
    /// dgemm kernels are the ones newer Intel targets use too), Haswell for AVX2 with FMA (also OpenBLAS's Zen
    /// kernels); null when neither applies (older x86, Arm), where detection is left alone.
    /// </summary>
    public static string? ChooseFromFlags(IReadOnlyCollection<string> flags)
    {
        if (flags.Contains("avx512f") && flags.Contains("avx512bw") && flags.Contains("avx512vl"))
        {
            return "SkylakeX";
        }

        return flags.Contains("avx2") && flags.Contains("fma") ? "Haswell" : null;
    }

    /// <summary>
    /// Sets <c>OPENBLAS_CORETYPE</c> in the native environment (read by OpenBLAS's constructor when it loads) unless the
    /// user set it. Returns the value set, or null when nothing was set. Call once, before the first load.
    /// </summary>
    public static string? ApplyBeforeLoad(IReadOnlyCollection<string> flags)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) || ChooseFromFlags(flags) is not { } coreType)
        {
            return null;
        }

        // Environment.SetEnvironmentVariable changes only .NET's copy; native getenv needs libc's setenv.
        if (!NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "setenv", out nint setenv))
        {
            return null;
        }

        byte[] name = [.. System.Text.Encoding.ASCII.GetBytes(Variable), 0];
        byte[] value = [.. System.Text.Encoding.ASCII.GetBytes(coreType), 0];
        fixed (byte* n = name, v = value)
        {
            // overwrite = 0: a value set natively after start-up still wins.
            return ((delegate* unmanaged<byte*, byte*, int, int>)setenv)(n, v, 0) == 0 ? coreType : null;
        }
    }
}
