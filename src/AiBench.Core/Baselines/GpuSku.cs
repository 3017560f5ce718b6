namespace AiBench.Core.Baselines;

/// <summary>An accelerator's datasheet figures (dense, decimal units) as in <c>suites/baselines/gpus.yaml</c>.</summary>
public sealed class GpuSku
{
    public string Id { get; set; } = "";

    /// <summary>Substrings of the driver's device name; all must match.</summary>
    public List<string> Match { get; set; } = [];

    /// <summary>Peak TFLOP/s per dtype (fp64, fp64_tc, fp32, tf32, bf16, fp16, fp8, int8).</summary>
    public Dictionary<string, double> PeakTflops { get; set; } = [];

    public GpuMemorySpec? Memory { get; set; }

    public ScaleUpSpec? ScaleUp { get; set; }

    public int? PcieGen { get; set; }

    /// <summary>Published measured figures, for context only.</summary>
    public Dictionary<string, double> Achieved { get; set; } = [];

    public string Source { get; set; } = "";
}

public sealed class GpuMemorySpec
{
    public double SizeGb { get; set; }

    public string Type { get; set; } = "";

    public double BandwidthTbps { get; set; }
}

public sealed class ScaleUpSpec
{
    public string Kind { get; set; } = "";

    public double BidirGbps { get; set; }
}
