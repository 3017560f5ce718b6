using AiBench.Cuda.Loading;
using Xunit;

namespace AiBench.Tests.Cuda;

public class CudaLibraryFilesTests
{
    [Fact]
    public void Toolkit_libraries_try_13_12_11_then_the_unversioned_name() =>
        Assert.Equal(
            ["libcublasLt.so.13", "libcublasLt.so.12", "libcublasLt.so.11", "libcublasLt.so"],
            CudaLibraryFiles.FileNames(CudaLibrary.CublasLt));

    [Fact]
    public void Driver_libraries_use_their_soname() =>
        Assert.Equal(["libnvidia-ml.so.1", "libnvidia-ml.so"], CudaLibraryFiles.FileNames(CudaLibrary.Nvml, maxMajorVersion: 11));

    [Theory]
    [InlineData("libnvrtc.so.12", 12)]
    [InlineData("libnvrtc-672ee683.so.11.2", 11)]
    [InlineData("libcublasLt.so.13.0.1", 13)]
    [InlineData("libnvrtc.so", null)]
    public void The_major_version_is_read_after_so(string file, int? major) =>
        Assert.Equal(major, CudaLibraryFiles.MajorVersion(file));

    [Theory]
    [InlineData(CudaLibrary.Nvrtc, "libnvrtc-672ee683.so.11.2", true)]
    [InlineData(CudaLibrary.Nvrtc, "libnvrtc-builtins-4730a239.so.12.1", false)]
    [InlineData(CudaLibrary.CublasLt, "libcublasLt-1a2b3c.so.12", true)]
    [InlineData(CudaLibrary.CublasLt, "libcublas.so.12", false)]
    [InlineData(CudaLibrary.Driver, "libcuda.so.1", false)]
    public void Hashed_names_are_recognised(CudaLibrary library, string file, bool matches) =>
        Assert.Equal(matches, CudaLibraryFiles.MatchesHashedName(library, file));
}
