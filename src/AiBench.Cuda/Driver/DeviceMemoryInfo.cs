namespace AiBench.Cuda;

/// <summary>Free and total device memory, from <c>cuMemGetInfo_v2</c>.</summary>
public readonly record struct DeviceMemoryInfo(long FreeBytes, long TotalBytes);
