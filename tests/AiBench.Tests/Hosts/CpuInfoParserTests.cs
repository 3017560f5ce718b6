using AiBench.Core.Hosts;
using Xunit;

namespace AiBench.Tests.Hosts;

public class CpuInfoParserTests
{
    /// <summary>Two sockets, one core each, two hardware threads per core.</summary>
    internal static string TwoSocketCpuInfo()
    {
        var text = new System.Text.StringBuilder();
        int processor = 0;
        for (int socket = 0; socket < 2; socket++)
        {
            for (int thread = 0; thread < 2; thread++)
            {
                text.Append($"processor\t: {processor++}\n")
                    .Append("vendor_id\t: GenuineIntel\n")
                    .Append("cpu family\t: 6\n")
                    .Append("model name\t: Intel(R) Xeon(R) Platinum 8480+\n")
                    .Append($"physical id\t: {socket}\n")
                    .Append("core id\t\t: 0\n")
                    .Append("cpu cores\t: 1\n")
                    .Append("flags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma avx512f avx512bw avx512vl amx_tile amx_bf16 hypervisor\n")
                    .Append('\n');
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Counts_processors_cores_and_sockets_and_keeps_flags_of_interest_in_order()
    {
        CpuInfoSummary cpu = CpuInfoParser.Parse(TwoSocketCpuInfo());
        Assert.Equal("Intel(R) Xeon(R) Platinum 8480+", cpu.Model);
        Assert.Equal(4, cpu.LogicalCores);
        Assert.Equal(2, cpu.PhysicalCores);
        Assert.Equal(2, cpu.Sockets);
        Assert.Equal(["sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "amx_tile", "amx_bf16"], cpu.Flags);
    }

    [Fact]
    public void Arm_cpuinfo_without_model_or_topology_gives_features_and_unknowns()
    {
        const string text = "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm sve sve2 i8mm bf16\nCPU part\t: 0xd4f\n\n"
            + "processor\t: 1\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm sve sve2 i8mm bf16\nCPU part\t: 0xd4f\n";
        CpuInfoSummary cpu = CpuInfoParser.Parse(text);
        Assert.Null(cpu.Model);
        Assert.Equal(2, cpu.LogicalCores);
        Assert.Equal(0, cpu.PhysicalCores);
        Assert.Equal(0, cpu.Sockets);
        Assert.Equal(["asimd", "sve", "sve2", "bf16", "i8mm"], cpu.Flags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage without structure")]
    [InlineData(":\n:::\nprocessor\n")]
    public void Odd_text_gives_an_empty_summary_not_an_exception(string text)
    {
        CpuInfoSummary cpu = CpuInfoParser.Parse(text);
        Assert.Equal(0, cpu.LogicalCores);
        Assert.Empty(cpu.Flags);
    }
}
