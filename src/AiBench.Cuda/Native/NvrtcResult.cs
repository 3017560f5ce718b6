namespace AiBench.Cuda.Native;

/// <summary><c>nvrtcResult</c> (nvrtc.h); <c>nvrtcGetErrorString</c> names the rest.</summary>
internal enum NvrtcResult
{
    Success = 0,
    ErrorOutOfMemory = 1,
    ErrorProgramCreationFailure = 2,
    ErrorInvalidInput = 3,
    ErrorInvalidProgram = 4,
    ErrorInvalidOption = 5,
    ErrorCompilation = 6,
}
