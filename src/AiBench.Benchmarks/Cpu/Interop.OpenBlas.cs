using System.Runtime.InteropServices;
using AiBench.Benchmarks.Native;

namespace AiBench.Benchmarks;

internal static partial class Interop
{
    /// <summary>CBLAS GEMM from OpenBLAS (or another CBLAS; see <see cref="NativeLibraryNames.OpenBlasFiles"/>).</summary>
    internal static unsafe partial class OpenBlas
    {
        /// <summary><c>CblasRowMajor</c>.</summary>
        public const int RowMajor = 101;

        /// <summary><c>CblasNoTrans</c>.</summary>
        public const int NoTranspose = 111;

        static OpenBlas() => NativeLibraryResolver.EnsureRegistered();

        [LibraryImport(NativeLibraryNames.OpenBlas, EntryPoint = "cblas_sgemm")]
        public static partial void Sgemm(
            int order, int transA, int transB, int m, int n, int k,
            float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

        [LibraryImport(NativeLibraryNames.OpenBlas, EntryPoint = "cblas_dgemm")]
        public static partial void Dgemm(
            int order, int transA, int transB, int m, int n, int k,
            double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);
    }
}
