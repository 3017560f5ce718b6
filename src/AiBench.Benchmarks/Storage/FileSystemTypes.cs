namespace AiBench.Benchmarks.Storage;

/// <summary>Names of statfs f_type magic numbers (linux/magic.h), and which of them keep files in memory.</summary>
internal static class FileSystemTypes
{
    private static readonly Dictionary<ulong, string> Names = new()
    {
        [0xEF53] = "ext4",
        [0x58465342] = "xfs",
        [0x9123683E] = "btrfs",
        [0x01021994] = "tmpfs",
        [0x858458F6] = "ramfs",
        [0x794C7630] = "overlayfs",
        [0x6969] = "nfs",
        [0x2FC12FC1] = "zfs",
        [0xF2F52010] = "f2fs",
        [0x65735546] = "fuse",
        [0x9FA0] = "proc",
        [0x62656572] = "sysfs",
        [0x1CD1] = "devpts",
        [0x4D44] = "vfat",
        [0x5346544E] = "ntfs",
        [0xFF534D42] = "cifs",
        [0x00C36400] = "ceph",
        [0x0BD00BD0] = "lustre",
        [0x47504653] = "gpfs",
    };

    public static string Name(ulong magic) =>
        magic == 0 ? "none" : Names.TryGetValue(magic, out string? name) ? name : $"0x{magic:x}";

    /// <summary>File systems whose files live in RAM: O_DIRECT there measures memory, not storage.</summary>
    public static bool IsMemory(ulong magic) => magic is 0x01021994 or 0x858458F6;
}
