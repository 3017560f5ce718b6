namespace AiBench.Benchmarks.Gpu;

/// <summary>A <c>cpu_set_t</c> as bytes: CPU i is bit i % 8 of byte i / 8 (glibc's layout on little-endian machines).</summary>
internal static class CpuMask
{
    public static byte[] Bytes(IEnumerable<int> cpus, int byteCount)
    {
        byte[] mask = new byte[byteCount];
        foreach (int cpu in cpus)
        {
            if (cpu >= 0 && cpu < byteCount * 8)
            {
                mask[cpu / 8] |= (byte)(1 << (cpu % 8));
            }
        }

        return mask;
    }

    public static IReadOnlyList<int> Cpus(ReadOnlySpan<byte> mask)
    {
        var cpus = new List<int>();
        for (int i = 0; i < mask.Length * 8; i++)
        {
            if ((mask[i / 8] & (1 << (i % 8))) != 0)
            {
                cpus.Add(i);
            }
        }

        return cpus;
    }
}
