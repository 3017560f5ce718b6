using AiBench.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization;

namespace AiBench.Core.Baselines;

/// <summary>
/// The vendor datasheet figures of <c>suites/baselines/*.yaml</c>, with SKU matching by device name and
/// the lookup of a measurement's <c>BaselineKey</c> to a peak in canonical units.
/// </summary>
public sealed class BaselineCatalog
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public IReadOnlyList<GpuSku> Gpus { get; private init; } = [];

    public IReadOnlyList<DriveSku> Drives { get; private init; } = [];

    public IReadOnlyList<LinkSpec> NetworkLinks { get; private init; } = [];

    public IReadOnlyList<LinkSpec> ScaleUpLinks { get; private init; } = [];

    public IReadOnlyList<LinkSpec> PcieLinks { get; private init; } = [];

    /// <summary>Parses baseline files given as (name, YAML text); a malformed file is bad input naming the file.</summary>
    public static BaselineCatalog Parse(IEnumerable<(string Name, string Text)> files)
    {
        var gpus = new List<GpuSku>();
        var drives = new List<DriveSku>();
        var networkLinks = new List<LinkSpec>();
        var scaleUp = new List<LinkSpec>();
        var pcie = new List<LinkSpec>();
        foreach ((string name, string text) in files)
        {
            AnyBaselineFile file;
            try
            {
                file = Yaml.Deserialize<AnyBaselineFile?>(text) ?? new AnyBaselineFile();
            }
            catch (YamlException e)
            {
                throw new BadInputException($"baseline file '{name}' is not valid: {e.Message}");
            }

            gpus.AddRange(file.Skus);
            drives.AddRange(file.Drives);
            networkLinks.AddRange(file.Links);
            scaleUp.AddRange(file.ScaleUp);
            pcie.AddRange(file.Pcie);
        }

        return new BaselineCatalog
        {
            Gpus = gpus, Drives = drives, NetworkLinks = networkLinks, ScaleUpLinks = scaleUp, PcieLinks = pcie,
        };
    }

    /// <summary>Reads every <c>*.yaml</c> in a folder.</summary>
    public static BaselineCatalog Load(string directory) =>
        Parse(Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), Files.InputFile.ReadAllText(path, MaxBaselineBytes))));

    // A datasheet file is a few kB; a --baselines folder holding anything larger is a mistake, not a baseline.
    private const long MaxBaselineBytes = 4L * 1024 * 1024;

    /// <summary>The first SKU all of whose patterns occur in the device name (case-insensitive), in file order.</summary>
    public GpuSku? MatchGpu(string deviceName) =>
        Gpus.FirstOrDefault(sku => sku.Match.Count > 0
            && sku.Match.All(pattern => deviceName.Contains(pattern, StringComparison.OrdinalIgnoreCase)));

    public GpuSku? FindGpu(string id) => Gpus.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    public DriveSku? MatchDrive(string model) =>
        Drives.FirstOrDefault(sku => sku.Match.Count > 0
            && sku.Match.All(pattern => model.Contains(pattern, StringComparison.OrdinalIgnoreCase)));

    public DriveSku? FindDrive(string id) => Drives.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The peak for a drive baseline key, in canonical units: <c>drive.seq_read</c> and <c>drive.seq_write</c> (B/s),
    /// <c>drive.rand_read_4k_iops</c> and <c>drive.rand_write_4k_iops</c> (op/s).
    /// </summary>
    public static double? DrivePeak(DriveSku sku, string key) => key switch
    {
        BaselineKeys.DriveSequentialRead => sku.SeqReadMbps * 1e6,
        BaselineKeys.DriveSequentialWrite => sku.SeqWriteMbps * 1e6,
        BaselineKeys.DriveRandomRead4kIops => sku.RandRead4kIops,
        BaselineKeys.DriveRandomWrite4kIops => sku.RandWrite4kIops,
        _ => null,
    };

    public bool IsKnownSku(string id) =>
        FindGpu(id) is not null || Drives.Any(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The peak for a GPU baseline key, in canonical units: <c>gpu.peak_tflops.bf16</c> (FLOP/s),
    /// <c>gpu.memory_bandwidth</c> (B/s), <c>gpu.pcie</c> and <c>gpu.pcie_bidir</c> (B/s, x16 link of the SKU's generation).
    /// </summary>
    public double? GpuPeak(GpuSku sku, string key)
    {
        if (BaselineKeys.GpuPeakDataType(key) is { } dataType)
        {
            return sku.PeakTflops.TryGetValue(dataType, out double t) ? t * 1e12 : null;
        }

        return key switch
        {
            BaselineKeys.GpuMemoryBandwidth => sku.Memory is { BandwidthTbps: > 0 } m ? m.BandwidthTbps * 1e12 : null,
            BaselineKeys.GpuPcie => PcieX16(sku.PcieGen),
            BaselineKeys.GpuPcieBidirectional => PcieX16(sku.PcieGen) * 2,
            _ => null,
        };
    }

    /// <summary>Every link a <c>link-rate</c> may name: scale-out, scale-up and PCIe.</summary>
    public IEnumerable<string> LinkIds => NetworkLinks.Concat(ScaleUpLinks).Concat(PcieLinks).Select(l => l.Id);

    /// <summary>
    /// A named link's rate per direction in B/s (case-insensitive id): a scale-out port's line rate, a scale-up
    /// fabric's unidirectional rate per GPU, a PCIe link's rate after encoding; null for an unknown name.
    /// </summary>
    public double? FindLinkRate(string id)
    {
        bool Named(LinkSpec l) => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase);
        return NetworkLinks.FirstOrDefault(Named) is { GbitPerS: > 0 } port ? port.GbitPerS.Value * 1e9 / 8
            : ScaleUpLinks.FirstOrDefault(Named) is { UnidirGbps: > 0 } fabric ? fabric.UnidirGbps.Value * 1e9
            : PcieLinks.FirstOrDefault(Named) is { Gbps: > 0 } pcie ? pcie.Gbps.Value * 1e9
            : null;
    }

    private double? PcieX16(int? generation) =>
        generation is { } g && PcieLinks.FirstOrDefault(l => l.Id == $"pcie{g}-x16") is { Gbps: { } gbps } ? gbps * 1e9 : null;

    private sealed class AnyBaselineFile
    {
        public List<GpuSku> Skus { get; set; } = [];

        public List<DriveSku> Drives { get; set; } = [];

        public List<LinkSpec> Links { get; set; } = [];

        public List<LinkSpec> ScaleUp { get; set; } = [];

        public List<LinkSpec> Pcie { get; set; } = [];
    }
}
