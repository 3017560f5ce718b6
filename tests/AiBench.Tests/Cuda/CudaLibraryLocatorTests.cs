using AiBench.Cuda.Loading;
using Xunit;

namespace AiBench.Tests.Cuda;

public class CudaLibraryLocatorTests
{
    private static LibrarySearchEnvironment Environment(FakeFileSystem fs, params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new LibrarySearchEnvironment(name => values.GetValueOrDefault(name), fs);
    }

    [Fact]
    public void Toolkit_folders_come_in_the_documented_order()
    {
        var fs = new FakeFileSystem(
            [],
            [
                "/opt/ld1", "/opt/ld2", "/cuda-home/lib64", "/cuda-home/targets/x86_64-linux/lib", "/usr/local/cuda/lib64",
                "/usr/local/cuda-12.4/lib64", "/usr/local/cuda-12.10/lib64", "/usr/lib/x86_64-linux-gnu",
                "/venv/lib/python3.11/site-packages/nvidia/cublas/lib",
                "/venv/lib/python3.11/site-packages/nvidia/cu13/lib",
                "/home/me/.local/lib/python3.10/site-packages/nvidia/cuda_nvrtc/lib",
                "/usr/lib/wsl/lib",
            ]);
        LibrarySearchEnvironment env = Environment(
            fs, ("LD_LIBRARY_PATH", "/opt/ld1::/opt/ld2/"), ("CUDA_HOME", "/cuda-home"), ("VIRTUAL_ENV", "/venv"), ("HOME", "/home/me"));

        IReadOnlyList<string> folders = CudaLibraryLocator.SearchFolders(CudaLibrary.CublasLt, env);

        Assert.Equal(
            [
                "/opt/ld1", "/opt/ld2", "/cuda-home/lib64", "/cuda-home/targets/x86_64-linux/lib", "/usr/local/cuda/lib64",
                "/usr/local/cuda-12.10/lib64", "/usr/local/cuda-12.4/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib",
                "/venv/lib/python3.11/site-packages/nvidia/cu13/lib",
                "/venv/lib/python3.11/site-packages/nvidia/cublas/lib",
                "/home/me/.local/lib/python3.10/site-packages/nvidia/cuda_nvrtc/lib",
            ],
            folders);
    }

    [Fact]
    public void The_driver_is_looked_for_in_driver_folders_only()
    {
        var fs = new FakeFileSystem(
            [], ["/usr/local/cuda/lib64", "/usr/local/nvidia/lib64", "/usr/lib64", "/usr/lib/wsl/lib", "/venv/lib/python3.12/site-packages/nvidia/cublas/lib"]);
        IReadOnlyList<string> folders = CudaLibraryLocator.SearchFolders(CudaLibrary.Driver, Environment(fs, ("VIRTUAL_ENV", "/venv")));
        Assert.Equal(["/usr/local/nvidia/lib64", "/usr/lib64", "/usr/lib", "/usr/lib/wsl/lib"], folders);
    }

    [Fact]
    public void Each_name_is_tried_with_the_system_loader_then_in_every_folder_that_has_it()
    {
        var fs = new FakeFileSystem(
        [
            "/usr/local/cuda/lib64/libcublasLt.so.12",
            "/venv/lib/python3.12/site-packages/nvidia/cublas/lib/libcublasLt.so.12",
            "/venv/lib/python3.12/site-packages/nvidia/cublas/lib/libcublasLt.so.13",
        ]);
        LibrarySearchPlan plan = CudaLibraryLocator.Plan(CudaLibrary.CublasLt, Environment(fs, ("VIRTUAL_ENV", "/venv")));

        Assert.Equal(
            [
                "libcublasLt.so.13 (system loader)",
                "/venv/lib/python3.12/site-packages/nvidia/cublas/lib/libcublasLt.so.13",
                "libcublasLt.so.12 (system loader)",
                "/usr/local/cuda/lib64/libcublasLt.so.12",
                "/venv/lib/python3.12/site-packages/nvidia/cublas/lib/libcublasLt.so.12",
                "libcublasLt.so.11 (system loader)",
                "libcublasLt.so (system loader)",
            ],
            plan.Attempts.Select(a => a.ToString()));
    }

    [Fact]
    public void Versions_newer_than_the_driver_are_skipped()
    {
        var fs = new FakeFileSystem(["/venv/lib/python3.12/site-packages/nvidia/cu13/lib/libnvrtc.so.13"]);
        LibrarySearchPlan plan = CudaLibraryLocator.Plan(CudaLibrary.Nvrtc, Environment(fs, ("VIRTUAL_ENV", "/venv")), maxMajorVersion: 12);
        Assert.Equal(["libnvrtc.so.12", "libnvrtc.so.11", "libnvrtc.so"], plan.FileNames);
        Assert.DoesNotContain(plan.Attempts, a => a.Target.EndsWith(".so.13", StringComparison.Ordinal));
    }

    [Fact]
    public void Torch_lib_hashed_copies_come_last_and_builtins_are_not_the_library()
    {
        var fs = new FakeFileSystem(
        [
            "/usr/lib/python3.10/site-packages/torch/lib/libnvrtc-672ee683.so.11.2",
            "/usr/lib/python3.10/site-packages/torch/lib/libnvrtc-b51b459d.so.12",
            "/usr/lib/python3.10/site-packages/torch/lib/libnvrtc-builtins-4730a239.so.12.1",
            "/usr/lib/python3.10/site-packages/torch/lib/libtorch_cuda.so",
        ]);
        LibrarySearchPlan plan = CudaLibraryLocator.Plan(CudaLibrary.Nvrtc, Environment(fs));

        Assert.Equal(["/usr/lib/python3.10/site-packages/torch/lib"], plan.GlobFolders);
        Assert.Equal(
            [
                "/usr/lib/python3.10/site-packages/torch/lib/libnvrtc-b51b459d.so.12",
                "/usr/lib/python3.10/site-packages/torch/lib/libnvrtc-672ee683.so.11.2",
            ],
            plan.Attempts.Where(a => !a.UsesSystemLoader).Select(a => a.Target));
    }

    [Fact]
    public void Site_packages_are_ordered_newest_python_first_across_prefixes()
    {
        var fs = new FakeFileSystem(
            [],
            [
                "/usr/local/lib/python3.9/dist-packages", "/usr/local/lib/python3.12/dist-packages", "/usr/lib/python3/dist-packages",
                "/home/me/.pyenv/versions/3.11.7/lib/python3.11/site-packages", "/opt/conda/lib/python3.10/site-packages",
            ]);
        IReadOnlyList<string> sites = CudaLibraryLocator.SitePackages(Environment(fs, ("HOME", "/home/me")));
        Assert.Equal(
            [
                "/home/me/.pyenv/versions/3.11.7/lib/python3.11/site-packages",
                "/usr/local/lib/python3.12/dist-packages",
                "/usr/local/lib/python3.9/dist-packages",
                "/usr/lib/python3/dist-packages",
                "/opt/conda/lib/python3.10/site-packages",
            ],
            sites);
    }

    [Fact]
    public void The_failure_message_names_every_file_and_folder_looked_at()
    {
        var fs = new FakeFileSystem([], ["/usr/lib/x86_64-linux-gnu", "/usr/lib"]);
        string message = CudaLibraryLocator.DescribeFailure(CudaLibraryLocator.Plan(CudaLibrary.Driver, Environment(fs)));

        Assert.StartsWith("libcuda.so.1 not found: looked in /usr/lib/x86_64-linux-gnu, /usr/lib,", message, StringComparison.Ordinal);
        Assert.Contains("LD_LIBRARY_PATH", message, StringComparison.Ordinal);
        Assert.Contains("for libcuda.so.1, libcuda.so", message, StringComparison.Ordinal);
        Assert.Contains("NVIDIA driver", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_toolkit_failure_suggests_the_pip_wheel()
    {
        string message = CudaLibraryLocator.DescribeFailure(CudaLibraryLocator.Plan(CudaLibrary.CublasLt, Environment(new FakeFileSystem([]))));
        Assert.Contains("no folder", message, StringComparison.Ordinal);
        Assert.Contains("libcublasLt.so.12", message, StringComparison.Ordinal);
        Assert.Contains("nvidia-cublas-cu12", message, StringComparison.Ordinal);
    }
}
