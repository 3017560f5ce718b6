using AiBench.Core.Baselines;
using AiBench.Core.Hosts;

namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// The transport and link a collective ran over, and the line rate its bus bandwidth is normalised by.
/// <see cref="LineRate"/> is null when no rate applies (all ranks on one host: shared memory or loopback, no NIC).
/// </summary>
public sealed record CollectiveLink(string Transport, string Link, double? LineRate, string? RateSource)
{
    /// <summary>
    /// An explicit <c>link-rate</c> wins (for links sysfs cannot describe: a shaped link, a virtual NIC). Otherwise,
    /// on several hosts, the fastest InfiniBand or RoCE port that is up (what UCX and NCCL prefer), else the fastest
    /// Ethernet interface (MPI's TCP transport); on one host there is no network link to normalise by.
    /// </summary>
    public static CollectiveLink Describe(SystemInfo system, int hosts, string linkRate, string mpiTransport, BaselineCatalog catalog)
    {
        if (LinkRate.Parse("link-rate", linkRate, catalog) is { } rate)
        {
            return new CollectiveLink(mpiTransport, $"override {linkRate}", rate, "link-rate override");
        }

        if (hosts <= 1)
        {
            return new CollectiveLink($"{mpiTransport} (one host: shared memory or loopback)", "none (one host)", null, null);
        }

        NicInfo? nic = PickNic(system.Nics);
        if (nic is null)
        {
            return new CollectiveLink(mpiTransport, "unknown (no NIC with a known rate)", null, null);
        }

        return new CollectiveLink($"{mpiTransport} over {nic.LinkLayer}", nic.Name, nic.RateBitsPerSecond / 8, $"link:{nic.Name}");
    }

    public static NicInfo? PickNic(IReadOnlyList<NicInfo> nics)
    {
        IEnumerable<NicInfo> rated = nics.Where(n => n.RateBitsPerSecond is > 0 && n.Name != "lo");
        return rated.Where(n => n.LinkLayer is "InfiniBand" or "RoCE").MaxBy(n => n.RateBitsPerSecond)
            ?? rated.MaxBy(n => n.RateBitsPerSecond);
    }

    /// <summary>What Open MPI was told to use (<c>OMPI_MCA_pml</c>/<c>OMPI_MCA_btl</c>, set by <c>--mca</c>), else "MPI".</summary>
    public static string MpiTransportFromEnvironment()
    {
        string? pml = Environment.GetEnvironmentVariable("OMPI_MCA_pml");
        string? btl = Environment.GetEnvironmentVariable("OMPI_MCA_btl");
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(pml))
        {
            parts.Add($"pml {pml}");
        }

        if (!string.IsNullOrEmpty(btl))
        {
            parts.Add($"btl {btl}");
        }

        return parts.Count == 0 ? "MPI" : $"MPI ({string.Join(", ", parts)})";
    }
}
