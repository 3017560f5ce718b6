using AiBench.Core.Hosts;

namespace AiBench.Core.Hosts;

/// <summary>
/// Network links: every InfiniBand/RDMA port (<c>/sys/class/infiniband</c>; link layer InfiniBand, or Ethernet which
/// means RoCE) and every network interface but loopback (<c>/sys/class/net</c>).
/// </summary>
internal static class NetworkInterfaces
{
    /// <summary>ARPHRD_INFINIBAND in <c>/sys/class/net/*/type</c>: an IPoIB interface.</summary>
    private const long InfinibandInterfaceType = 32;

    public static IReadOnlyList<NicInfo> Read(HostFiles files) => [.. ReadRdmaPorts(files), .. ReadInterfaces(files)];

    private static IEnumerable<NicInfo> ReadRdmaPorts(HostFiles files)
    {
        foreach (string device in files.ListNames("/sys/class/infiniband"))
        {
            foreach (string port in files.ListNames($"/sys/class/infiniband/{device}/ports"))
            {
                string dir = $"/sys/class/infiniband/{device}/ports/{port}";
                string linkLayer = files.ReadLine($"{dir}/link_layer") == "Ethernet" ? "RoCE" : "InfiniBand";
                // A port that is not ACTIVE still reports a (meaningless) rate; "4: ACTIVE" is the only state with a link.
                string? state = files.ReadLine($"{dir}/state");
                bool active = state is null || state.EndsWith("ACTIVE", StringComparison.Ordinal);
                yield return new NicInfo
                {
                    // device:port is how NCCL_IB_HCA and ibstat name a port.
                    Name = $"{device}:{port}",
                    LinkLayer = linkLayer,
                    RateBitsPerSecond = active ? InfinibandRate.ParseBitsPerSecond(files.ReadLine($"{dir}/rate")) : null,
                    Source = $"{dir}/rate",
                };
            }
        }
    }

    private static IEnumerable<NicInfo> ReadInterfaces(HostFiles files)
    {
        foreach (string name in files.ListNames("/sys/class/net"))
        {
            string dir = $"/sys/class/net/{name}";
            // Not a folder: bonding_masters and similar control files live beside the interfaces.
            if (name == "lo" || !files.IsDirectory(dir))
            {
                continue;
            }

            // speed is Mb/s; reading it fails (EINVAL) or gives -1 when the link is down or the driver has no notion of it.
            long? megabits = files.ReadInt64($"{dir}/speed");
            yield return new NicInfo
            {
                Name = name,
                LinkLayer = files.ReadInt64($"{dir}/type") == InfinibandInterfaceType ? "InfiniBand" : "Ethernet",
                RateBitsPerSecond = megabits > 0 ? megabits * 1e6 : null,
                Source = $"{dir}/speed",
            };
        }
    }
}
