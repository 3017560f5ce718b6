namespace AiBench.Cuda;

/// <summary>A device's PCIe link as NVML reports it: the current (possibly down-trained) and the maximum.</summary>
public sealed record PcieLink(int? Generation, int? Width, int? MaxGeneration, int? MaxWidth);
