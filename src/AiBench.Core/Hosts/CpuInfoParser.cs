namespace AiBench.Core.Hosts;

/// <summary>What <c>/proc/cpuinfo</c> says about the processors.</summary>
internal sealed record CpuInfoSummary(string? Model, int LogicalCores, int PhysicalCores, int Sockets, IReadOnlyList<string> Flags);

/// <summary>Parses <c>/proc/cpuinfo</c> text: one block per logical processor, "key : value" lines.</summary>
internal static class CpuInfoParser
{
    /// <summary>
    /// The instruction-set features that decide which kernels a library can use (x86 vector and matrix units, Arm
    /// SIMD), in this order. The full flag list is long and mostly irrelevant to throughput.
    /// </summary>
    public static IReadOnlyList<string> FlagsOfInterest { get; } =
    [
        "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16",
        "avx_vnni", "amx_tile", "amx_bf16", "amx_int8", "asimd", "sve", "sve2", "bf16", "i8mm",
    ];

    /// <summary>Keys that name the processor model: x86 first, then POWER and others.</summary>
    private static readonly string[] ModelKeys = ["model name", "cpu model", "cpu", "Processor", "Hardware"];

    public static CpuInfoSummary Parse(string text)
    {
        int logical = 0;
        var modelCandidates = new Dictionary<string, string>(StringComparer.Ordinal);
        var cores = new HashSet<(string Socket, string Core)>();
        var sockets = new HashSet<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string? socket = null, core = null;

        foreach (string rawLine in text.Split('\n'))
        {
            int colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                // A blank line ends one processor's block.
                EndBlock();
                continue;
            }

            string key = rawLine[..colon].Trim();
            string value = rawLine[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor":
                    logical++;
                    break;
                case "physical id":
                    socket = value;
                    break;
                case "core id":
                    core = value;
                    break;
                case "flags" or "Features":
                    flags.UnionWith(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                default:
                    if (value.Length > 0 && ModelKeys.Contains(key))
                    {
                        modelCandidates.TryAdd(key, value);
                    }

                    break;
            }
        }

        EndBlock();
        string? model = ModelKeys.Select(k => modelCandidates.GetValueOrDefault(k)).FirstOrDefault(m => m is not null);
        return new CpuInfoSummary(
            model, logical, cores.Count, sockets.Count, FlagsOfInterest.Where(flags.Contains).ToList());

        void EndBlock()
        {
            if (socket is not null)
            {
                sockets.Add(socket);
                if (core is not null)
                {
                    cores.Add((socket, core));
                }
            }

            socket = core = null;
        }
    }
}
