using System.Globalization;

namespace AiBench.Cuda.Loading;

/// <summary>
/// Where the CUDA libraries are looked for — a pure function of the environment variables and a file-system view, so
/// the order is unit-tested. For each file name of <see cref="CudaLibraryFiles.FileNames"/> (newest version first),
/// the system loader is tried first (dlopen's own search: LD_LIBRARY_PATH, /etc/ld.so.cache, /lib, /usr/lib), then
/// the file in each folder below that exists, in this order:
/// <list type="number">
/// <item>the folders of <c>LD_LIBRARY_PATH</c>;</item>
/// <item>toolkit libraries only: <c>$CUDA_HOME</c> and <c>$CUDA_PATH</c>, each <c>lib64</c>, <c>lib</c>,
/// <c>targets/x86_64-linux/lib</c>;</item>
/// <item>toolkit libraries only: <c>/usr/local/cuda</c>, then <c>/usr/local/cuda-*</c> newest version first, each
/// <c>lib64</c> and <c>targets/x86_64-linux/lib</c>;</item>
/// <item>driver libraries only: <c>/usr/local/nvidia/lib64</c>, <c>/usr/local/nvidia/lib</c> (container images);</item>
/// <item><c>/usr/lib/x86_64-linux-gnu</c>, <c>/lib/x86_64-linux-gnu</c>, <c>/usr/lib64</c>, <c>/lib64</c>,
/// <c>/usr/lib</c>;</item>
/// <item>driver libraries only: <c>/usr/lib/wsl/lib</c> (WSL 2);</item>
/// <item>toolkit libraries only: the <c>nvidia/*/lib</c> folders of Python's pip-installed NVIDIA wheels
/// (<c>nvidia/cu13/lib</c> first, then <c>nvidia/cublas/lib</c>, <c>nvidia/cuda_nvrtc/lib</c>, ... by name) in each
/// site-packages folder: <c>$VIRTUAL_ENV</c>, <c>$CONDA_PREFIX</c>, <c>~/.local</c>, <c>$PYENV_ROOT</c> (or
/// <c>~/.pyenv</c>) versions, <c>/usr/local/lib</c>, <c>/usr/lib</c>, <c>/opt/conda</c>, newest Python first.</item>
/// </list>
/// Last, for toolkit libraries, PyTorch's own <c>torch/lib</c> folders in the same site-packages folders are searched
/// for hashed names (<c>libnvrtc-&lt;hash&gt;.so.12</c>), newest version first.
/// </summary>
public static class CudaLibraryLocator
{
    private static readonly string[] SystemFolders =
        ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib"];

    private static readonly string[] ToolkitSubfolders = ["lib64", "lib", "targets/x86_64-linux/lib"];

    private static readonly string[] InstalledToolkitSubfolders = ["lib64", "targets/x86_64-linux/lib"];

    public static LibrarySearchPlan Plan(CudaLibrary library, LibrarySearchEnvironment environment, int? maxMajorVersion = null)
    {
        IFileSystemView fs = environment.FileSystem;
        IReadOnlyList<string> names = CudaLibraryFiles.FileNames(library, maxMajorVersion);
        IReadOnlyList<string> folders = SearchFolders(library, environment);
        IReadOnlyList<string> globFolders = CudaLibraryFiles.IsToolkitLibrary(library)
            ? SitePackages(environment).Select(site => Path.Combine(site, "torch", "lib")).Where(fs.DirectoryExists).ToList()
            : [];

        var attempts = new List<LoadAttempt>();
        foreach (string name in names)
        {
            attempts.Add(new LoadAttempt(name, UsesSystemLoader: true));
            attempts.AddRange(folders
                .Select(folder => Path.Combine(folder, name))
                .Where(fs.FileExists)
                .Select(path => new LoadAttempt(path, UsesSystemLoader: false)));
        }

        foreach (string folder in globFolders)
        {
            attempts.AddRange(fs.FileNames(folder)
                .Where(file => CudaLibraryFiles.MatchesHashedName(library, file))
                .Where(file => maxMajorVersion is not { } max || CudaLibraryFiles.MajorVersion(file) is not { } v || v <= max)
                .OrderByDescending(file => CudaLibraryFiles.MajorVersion(file) ?? 0)
                .ThenBy(file => file, StringComparer.Ordinal)
                .Select(file => new LoadAttempt(Path.Combine(folder, file), UsesSystemLoader: false)));
        }

        return new LibrarySearchPlan(library, names, folders, globFolders, attempts);
    }

    /// <summary>The existing folders searched for <paramref name="library"/>, in order, without duplicates.</summary>
    public static IReadOnlyList<string> SearchFolders(CudaLibrary library, LibrarySearchEnvironment environment)
    {
        bool toolkit = CudaLibraryFiles.IsToolkitLibrary(library);
        var candidates = new List<string>();
        candidates.AddRange(SplitPath(environment.Variable("LD_LIBRARY_PATH")));
        if (toolkit)
        {
            foreach (string variable in (string[])["CUDA_HOME", "CUDA_PATH"])
            {
                if (environment.Variable(variable) is { } root)
                {
                    candidates.AddRange(ToolkitSubfolders.Select(sub => Path.Combine(root, sub)));
                }
            }

            foreach (string root in InstalledToolkits(environment.FileSystem))
            {
                candidates.AddRange(InstalledToolkitSubfolders.Select(sub => Path.Combine(root, sub)));
            }
        }
        else
        {
            candidates.Add("/usr/local/nvidia/lib64");
            candidates.Add("/usr/local/nvidia/lib");
        }

        candidates.AddRange(SystemFolders);
        if (toolkit)
        {
            candidates.AddRange(SitePackages(environment).SelectMany(site => WheelLibraryFolders(site, environment.FileSystem)));
        }
        else
        {
            candidates.Add("/usr/lib/wsl/lib");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return candidates
            .Select(Normalize)
            .Where(folder => folder.Length > 0 && environment.FileSystem.DirectoryExists(folder) && seen.Add(folder))
            .ToList();
    }

    /// <summary>
    /// Site-packages (and Debian dist-packages) folders that exist, in search order; within one prefix, newest Python
    /// first (python3.12 before python3.10).
    /// </summary>
    public static IReadOnlyList<string> SitePackages(LibrarySearchEnvironment environment)
    {
        IFileSystemView fs = environment.FileSystem;
        string? home = environment.Variable("HOME");
        var prefixes = new List<string>();
        foreach (string variable in (string[])["VIRTUAL_ENV", "CONDA_PREFIX"])
        {
            if (environment.Variable(variable) is { } prefix)
            {
                prefixes.Add(prefix);
            }
        }

        if (home is not null)
        {
            prefixes.Add(Path.Combine(home, ".local"));
        }

        string? pyenv = environment.Variable("PYENV_ROOT") ?? (home is null ? null : Path.Combine(home, ".pyenv"));
        if (pyenv is not null)
        {
            string versions = Path.Combine(pyenv, "versions");
            prefixes.AddRange(fs.DirectoryNames(versions)
                .OrderByDescending(name => name, VersionTextComparer.Instance)
                .Select(name => Path.Combine(versions, name)));
        }

        prefixes.Add("/usr/local");
        prefixes.Add("/usr");
        prefixes.Add("/opt/conda");

        var sites = new List<string>();
        foreach (string prefix in prefixes)
        {
            string lib = Path.Combine(prefix, "lib");
            IEnumerable<string> pythons = fs.DirectoryNames(lib)
                .Where(name => name.StartsWith("python3", StringComparison.Ordinal))
                .OrderByDescending(name => name, VersionTextComparer.Instance);
            foreach (string python in pythons)
            {
                sites.Add(Path.Combine(lib, python, "site-packages"));
                sites.Add(Path.Combine(lib, python, "dist-packages"));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return sites.Where(site => fs.DirectoryExists(site) && seen.Add(site)).ToList();
    }

    /// <summary>The message when nothing loaded: which names were tried, and where.</summary>
    public static string DescribeFailure(LibrarySearchPlan plan)
    {
        string folders = plan.Folders.Count > 0 ? string.Join(", ", plan.Folders) : "no folder (none of the usual ones exists)";
        string message = $"{CudaLibraryFiles.DisplayName(plan.Library)} not found: looked in {folders}, "
            + $"and the system loader's path (LD_LIBRARY_PATH, /etc/ld.so.cache), for {string.Join(", ", plan.FileNames)}";
        if (plan.GlobFolders.Count > 0)
        {
            message += $"; and for hashed copies in {string.Join(", ", plan.GlobFolders)}";
        }

        return message + (CudaLibraryFiles.IsToolkitLibrary(plan.Library)
            ? $" (install the CUDA toolkit or the {WheelName(plan.Library)} pip wheel, or set LD_LIBRARY_PATH or CUDA_HOME)"
            : " (is the NVIDIA driver installed?)");
    }

    private static string WheelName(CudaLibrary library) =>
        library == CudaLibrary.Nvrtc ? "nvidia-cuda-nvrtc-cu12" : "nvidia-cublas-cu12";

    private static IEnumerable<string> SplitPath(string? value) =>
        value?.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static IEnumerable<string> InstalledToolkits(IFileSystemView fs)
    {
        yield return "/usr/local/cuda";
        foreach (string name in fs.DirectoryNames("/usr/local")
                     .Where(name => name.StartsWith("cuda-", StringComparison.Ordinal))
                     .OrderByDescending(name => name, VersionTextComparer.Instance))
        {
            yield return Path.Combine("/usr/local", name);
        }
    }

    private static IEnumerable<string> WheelLibraryFolders(string site, IFileSystemView fs)
    {
        string nvidia = Path.Combine(site, "nvidia");
        return fs.DirectoryNames(nvidia)
            .OrderBy(name => name.StartsWith("cu1", StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(name => name.StartsWith("cu1", StringComparison.Ordinal) ? name : "", StringComparer.Ordinal)
            .ThenBy(name => name, StringComparer.Ordinal)
            .Select(name => Path.Combine(nvidia, name, "lib"));
    }

    private static string Normalize(string folder) =>
        folder.Length > 1 ? Path.TrimEndingDirectorySeparator(folder) : folder;

    /// <summary>Orders names by the numbers in them (cuda-12.10 after cuda-12.9, python3.12 after python3.9).</summary>
    private sealed class VersionTextComparer : IComparer<string>
    {
        public static VersionTextComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            List<int> a = Numbers(x ?? "");
            List<int> b = Numbers(y ?? "");
            for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }

            return a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(x, y);
        }

        private static List<int> Numbers(string text)
        {
            var numbers = new List<int>();
            int value = -1;
            foreach (char c in text)
            {
                if (char.IsAsciiDigit(c))
                {
                    value = Math.Min((value < 0 ? 0 : value * 10) + (c - '0'), 1_000_000);
                }
                else if (value >= 0)
                {
                    numbers.Add(value);
                    value = -1;
                }
            }

            if (value >= 0)
            {
                numbers.Add(value);
            }

            return numbers;
        }
    }
}
