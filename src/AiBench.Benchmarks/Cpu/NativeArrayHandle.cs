using System.Runtime.InteropServices;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.Cpu;

/// <summary>Memory from <c>aib_alloc</c> (2 MiB aligned, huge-page advised, untouched), freed with <c>aib_free</c>.</summary>
internal sealed unsafe class NativeArrayHandle : SafeHandle
{
    private NativeArrayHandle(nint memory) : base(0, ownsHandle: true) => SetHandle(memory);

    public override bool IsInvalid => handle == 0;

    public double* Doubles => (double*)handle;

    public static NativeArrayHandle Allocate(long bytes)
    {
        var array = new NativeArrayHandle((nint)Interop.StreamEngine.Allocate((nuint)bytes));
        if (array.IsInvalid)
        {
            array.Dispose();
            throw new CouldNotRunException($"could not allocate {bytes} bytes for a STREAM array (out of memory; try a smaller size)");
        }

        return array;
    }

    protected override bool ReleaseHandle()
    {
        Interop.StreamEngine.Free((void*)handle);
        return true;
    }
}
