using AiBench.Core.Baselines;
using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.Storage;

/// <summary>
/// One storage.io workload: block size, queue depth, jobs, access pattern and read share. The named ones are
/// fio's usual set (<c>seqread-1m-qd32</c>, <c>randrw-4k-70-30-qd32</c>, ...); each is also expressible by the
/// <c>bs</c>, <c>qd</c>, <c>jobs</c>, <c>pattern</c> and <c>read</c> parameters, which override the name's values.
/// </summary>
internal sealed record StorageWorkload(string Name, int BlockSize, int QueueDepth, int Jobs, bool Random, int ReadPercent)
{
    public static IReadOnlyList<StorageWorkload> Named { get; } =
    [
        new("seqread-1m-qd32", 1 << 20, 32, 1, false, 100),
        new("seqwrite-1m-qd32", 1 << 20, 32, 1, false, 0),
        new("seqread-128k-qd32", 128 << 10, 32, 1, false, 100),
        new("randread-4k-qd1", 4096, 1, 1, true, 100),
        new("randread-4k-qd32", 4096, 32, 1, true, 100),
        new("randread-4k-qd32-j4", 4096, 32, 4, true, 100),
        new("randwrite-4k-qd32", 4096, 32, 1, true, 0),
        new("randrw-4k-70-30-qd32", 4096, 32, 1, true, 70),
    ];

    public static IReadOnlyList<string> Names { get; } = Named.Select(w => w.Name).ToArray();

    public bool Writes => ReadPercent < 100;

    public bool Reads => ReadPercent > 0;

    public string Pattern => Random ? "rand" : "seq";

    public static StorageWorkload Parse(string name) =>
        Named.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new BadInputException($"parameter 'workload': unknown workload '{name}' (known: {string.Join(", ", Names)})");

    /// <summary>The key of the drive datasheet figure this workload's bandwidth or IOPS compares with, if any.</summary>
    public string? BandwidthBaselineKey =>
        Random ? null : ReadPercent == 100 ? BaselineKeys.DriveSequentialRead : ReadPercent == 0 ? BaselineKeys.DriveSequentialWrite : null;

    public string? IopsBaselineKey =>
        !Random || BlockSize != 4096 ? null : ReadPercent == 100 ? BaselineKeys.DriveRandomRead4kIops : ReadPercent == 0 ? BaselineKeys.DriveRandomWrite4kIops : null;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} (bs={BlockSize} qd={QueueDepth} jobs={Jobs} {Pattern} read={ReadPercent}%)");
}
