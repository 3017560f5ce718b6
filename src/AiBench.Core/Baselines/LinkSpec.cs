namespace AiBench.Core.Baselines;

/// <summary>A link's line rate from <c>suites/baselines/networks.yaml</c>: scale-out NICs, scale-up fabrics, PCIe.</summary>
public sealed class LinkSpec
{
    public string Id { get; set; } = "";

    /// <summary>InfiniBand, RoCE or Ethernet for scale-out links; empty for PCIe and scale-up entries.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Scale-out line rate in Gbit/s.</summary>
    public double? GbitPerS { get; set; }

    /// <summary>Per-direction GB/s (PCIe entries, "gbps" in the file).</summary>
    public double? Gbps { get; set; }

    /// <summary>Scale-up unidirectional GB/s per GPU.</summary>
    public double? UnidirGbps { get; set; }

    public Dictionary<string, double> Achieved { get; set; } = [];

    public string Source { get; set; } = "";
}
