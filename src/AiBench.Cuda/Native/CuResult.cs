namespace AiBench.Cuda.Native;

/// <summary>
/// <c>CUresult</c> (cuda.h). Only the codes the managed side branches on are named; every other code is
/// described by <c>cuGetErrorName</c>/<c>cuGetErrorString</c> when it is turned into a <see cref="CudaException"/>.
/// </summary>
internal enum CuResult
{
    Success = 0,
    ErrorInvalidValue = 1,
    ErrorOutOfMemory = 2,
    ErrorNotInitialized = 3,
    ErrorNoDevice = 100,
    ErrorInvalidDevice = 101,
    ErrorNotReady = 600,
}
