using YamlDotNet.Serialization;

namespace AiBench.Core.Baselines;

/// <summary>An NVMe drive's launch specification as in <c>suites/baselines/drives.yaml</c> (MB/s = 1e6 B/s).</summary>
public sealed class DriveSku
{
    public string Id { get; set; } = "";

    public List<string> Match { get; set; } = [];

    public DriveInterface? Interface { get; set; }

    public double? SeqReadMbps { get; set; }

    public double? SeqWriteMbps { get; set; }

    // The underscored naming convention would expect "rand_read4k_iops"; the file says "rand_read_4k_iops".
    [YamlMember(Alias = "rand_read_4k_iops")]
    public double? RandRead4kIops { get; set; }

    [YamlMember(Alias = "rand_write_4k_iops")]
    public double? RandWrite4kIops { get; set; }

    public string Source { get; set; } = "";
}

public sealed class DriveInterface
{
    public int PcieGen { get; set; }

    public int Lanes { get; set; }
}
