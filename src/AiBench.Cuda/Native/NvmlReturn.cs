namespace AiBench.Cuda.Native;

/// <summary><c>nvmlReturn_t</c> (nvml.h); <c>nvmlErrorString</c> names the rest.</summary>
internal enum NvmlReturn
{
    Success = 0,
    ErrorUninitialized = 1,
    ErrorInvalidArgument = 2,
    ErrorNotSupported = 3,
}
