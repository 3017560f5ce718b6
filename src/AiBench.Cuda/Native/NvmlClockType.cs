namespace AiBench.Cuda.Native;

/// <summary><c>nvmlClockType_t</c> (nvml.h).</summary>
internal enum NvmlClockType
{
    Graphics = 0,
    Sm = 1,
    Memory = 2,
    Video = 3,
}
