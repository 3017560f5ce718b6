using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using AiBench.Core.Native;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Native;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>
/// Compiles CUDA C++ source at run time with NVRTC for a device's exact architecture (see
/// <see cref="NvrtcTarget.Candidates"/>). A compile error throws <see cref="CudaException"/> with NVRTC's log.
/// </summary>
public static class NvrtcCompiler
{
    /// <summary>Whether NVRTC can be loaded; <paramref name="reason"/> says why not.</summary>
    public static bool TryLoad(out string reason)
    {
        LoadedNativeLibrary library = CudaLibraryLoader.Load(CudaLibrary.Nvrtc);
        reason = library.Failure ?? "";
        return library.IsLoaded;
    }

    /// <summary>"12.4", or "unknown".</summary>
    public static string Version()
    {
        try
        {
            return Interop.Nvrtc.nvrtcVersion(out int major, out int minor) == NvrtcResult.Success
                ? string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}")
                : "unknown";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "unknown";
        }
    }

    public static CompiledKernelImage Compile(
        string source, string name, ComputeCapability capability, IReadOnlyList<KernelHeader>? headers = null)
    {
        if (!TryLoad(out string reason))
        {
            throw new CudaException($"cannot compile {name}: {reason}");
        }

        var rejected = new List<string>();
        foreach (NvrtcTarget target in NvrtcTarget.Candidates(capability))
        {
            if (CompileFor(source, name, headers ?? [], target) is { } image)
            {
                return image;
            }

            rejected.Add(target.Architecture);
        }

        throw new CudaException(
            $"NVRTC {Version()} supports none of the architectures for compute capability {capability}: tried {string.Join(", ", rejected)}");
    }

    /// <summary>The image for one architecture, or null when this NVRTC does not know the architecture.</summary>
    private static CompiledKernelImage? CompileFor(string source, string name, IReadOnlyList<KernelHeader> headers, NvrtcTarget target)
    {
        using SafeNvrtcProgramHandle program = CreateProgram(source, name, headers);
        NvrtcResult result = CompileProgram(program, [target.Option]);
        if (result == NvrtcResult.ErrorInvalidOption)
        {
            return null;
        }

        string log = ReadLog(program);
        if (result != NvrtcResult.Success)
        {
            throw new CudaException(
                $"NVRTC {Version()} could not compile {name} for {target.Architecture}: {StatusText.NvrtcName(result)}\n{log}");
        }

        byte[] image = target.ProducesCubin ? ReadCubin(program) : ReadPtx(program);
        return new CompiledKernelImage(name, target, image, Version(), log);
    }

    private static unsafe SafeNvrtcProgramHandle CreateProgram(string source, string name, IReadOnlyList<KernelHeader> headers)
    {
        using var strings = new Utf8Strings();
        byte** headerSources = stackalloc byte*[Math.Max(1, headers.Count)];
        byte** headerNames = stackalloc byte*[Math.Max(1, headers.Count)];
        for (int i = 0; i < headers.Count; i++)
        {
            headerSources[i] = strings.Add(headers[i].Source);
            headerNames[i] = strings.Add(headers[i].Name);
        }

        CudaException.ThrowIfFailed(Interop.Nvrtc.nvrtcCreateProgram(
            out nint program, strings.Add(source), strings.Add(name), headers.Count,
            headers.Count > 0 ? headerSources : null, headers.Count > 0 ? headerNames : null));
        return new SafeNvrtcProgramHandle(program);
    }

    private static unsafe NvrtcResult CompileProgram(SafeNvrtcProgramHandle program, string[] options)
    {
        using var strings = new Utf8Strings();
        byte** pointers = stackalloc byte*[options.Length];
        for (int i = 0; i < options.Length; i++)
        {
            pointers[i] = strings.Add(options[i]);
        }

        return Interop.Nvrtc.nvrtcCompileProgram(program, options.Length, pointers);
    }

    private static unsafe string ReadLog(SafeNvrtcProgramHandle program)
    {
        CudaException.ThrowIfFailed(Interop.Nvrtc.nvrtcGetProgramLogSize(program, out nuint size));
        byte[] log = new byte[(int)size + 1];
        fixed (byte* pointer = log)
        {
            CudaException.ThrowIfFailed(Interop.Nvrtc.nvrtcGetProgramLog(program, pointer));
        }

        return Encoding.UTF8.GetString(log).TrimEnd('\0', '\n', ' ');
    }

    private static unsafe byte[] ReadCubin(SafeNvrtcProgramHandle program)
    {
        CudaException.ThrowIfFailed(Interop.Nvrtc.nvrtcGetCUBINSize(program, out nuint size));
        byte[] image = new byte[(int)size];
        fixed (byte* pointer = image)
        {
            CudaException.ThrowIfFailed(Interop.Nvrtc.nvrtcGetCUBIN(program, pointer));
        }

        return image;
    }

    /// <summary>PTX text; the size NVRTC reports includes the terminating NUL that cuModuleLoadData needs.</summary>
    private static unsafe byte[] ReadPtx(SafeNvrtcProgramHandle program)
    {
        CudaException.ThrowIfFailed(Interop.Nvrtc.nvrtcGetPTXSize(program, out nuint size));
        byte[] image = new byte[(int)size + 1];
        fixed (byte* pointer = image)
        {
            CudaException.ThrowIfFailed(Interop.Nvrtc.nvrtcGetPTX(program, pointer));
        }

        return image;
    }

    /// <summary>NUL-terminated UTF-8 copies in native memory for the duration of one call.</summary>
    private sealed unsafe class Utf8Strings : IDisposable
    {
        private readonly List<nint> _allocations = [];

        public byte* Add(string text)
        {
            nint pointer = Marshal.StringToCoTaskMemUTF8(text);
            _allocations.Add(pointer);
            return (byte*)pointer;
        }

        public void Dispose()
        {
            foreach (nint pointer in _allocations)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }
}
