using System.Text.RegularExpressions;
using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Cuda;

public class KernelSourcesTests
{
    [Fact]
    public void Every_kernel_file_is_embedded_under_its_resource_name()
    {
        IReadOnlyList<string> resources = typeof(KernelSources).Assembly.GetManifestResourceNames();
        foreach (string file in (string[])["common.cuh", "fill.cu", "reference.cu", "stream.cu"])
        {
            Assert.Contains("AiBench.Cuda.Kernels." + file, resources);
        }

        Assert.Equal(["common.cuh", "fill.cu", "reference.cu", "stream.cu"], KernelSources.FileNames);
    }

    [Theory]
    [InlineData("stream.cu", "stream_init", "stream_copy", "stream_scale", "stream_add", "stream_triad", "stream_read", "stream_check")]
    [InlineData("fill.cu", "fill_f64", "fill_f32", "fill_f16", "fill_bf16", "fill_e4m3")]
    public void Sources_declare_their_extern_C_kernels(string file, params string[] kernels)
    {
        string source = KernelSources.Read(file);
        foreach (string kernel in kernels)
        {
            Assert.Matches(new Regex($@"extern ""C"" __global__ void {kernel}\("), source);
        }
    }

    [Fact]
    public void The_reference_kernels_cover_every_dtype()
    {
        string source = KernelSources.Read("reference.cu");
        foreach (string kernel in (string[])["matmul_check_f64", "matmul_check_f32", "matmul_check_f16", "matmul_check_bf16", "matmul_check_e4m3_bf16"])
        {
            Assert.Contains($"CHECK_KERNEL({kernel},", source, StringComparison.Ordinal);
        }

        Assert.Contains("extern \"C\" __global__ void NAME(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Kernels_include_no_toolkit_header()
    {
        foreach (string file in KernelSources.FileNames)
        {
            foreach (Match include in Regex.Matches(KernelSources.Read(file), "#include\\s+[<\"]([^>\"]+)[>\"]"))
            {
                Assert.Contains(include.Groups[1].Value, KernelSources.FileNames);
            }
        }
    }

    [Fact]
    public void The_matmul_kernels_name_what_the_benchmark_launches()
    {
        string fill = KernelSources.Read("fill.cu");
        string reference = KernelSources.Read("reference.cu");
        foreach (AiBench.Benchmarks.Gpu.MatmulDataType type in AiBench.Benchmarks.Gpu.MatmulDataType.All)
        {
            Assert.Contains($"void {type.FillKernel}(", fill, StringComparison.Ordinal);
            Assert.Contains($"void {type.OutputFillKernel}(", fill, StringComparison.Ordinal);
            Assert.Contains($"CHECK_KERNEL({type.CheckKernel},", reference, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_files_are_a_clear_error() =>
        Assert.Contains("stream.cu", Assert.Throws<FileNotFoundException>(() => KernelSources.Read("nope.cu")).Message, StringComparison.Ordinal);
}
