using AiBench.Benchmarks.Collectives;
using AiBench.Core.Baselines;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using Xunit;

namespace AiBench.Tests.Collectives;

public class CollectiveMathTests
{
    [Theory]
    [InlineData(Collective.AllReduce, 8, 1.75)]
    [InlineData(Collective.AllReduce, 2, 1.0)]
    [InlineData(Collective.AllReduce, 1, 0.0)]
    [InlineData(Collective.AllGather, 4, 0.75)]
    [InlineData(Collective.ReduceScatter, 4, 0.75)]
    [InlineData(Collective.AllToAll, 8, 0.875)]
    [InlineData(Collective.Broadcast, 8, 1.0)]
    public void Bus_bandwidth_factors_are_nccl_tests(Collective collective, int ranks, double factor) =>
        Assert.Equal(factor, CollectiveMath.BusBandwidthFactor(collective, ranks), 12);

    [Fact]
    public void Algbw_is_bytes_over_time_and_busbw_scales_it()
    {
        Assert.Equal(2e9, CollectiveMath.AlgorithmBandwidth(2_000_000, 1e-3), 6);
        Assert.Equal(3.5e9, CollectiveMath.BusBandwidth(Collective.AllReduce, 8, 2_000_000, 1e-3), 3);
    }

    [Fact]
    public void Sizes_follow_nccl_tests_counts()
    {
        // all_reduce: count = bytes / eltsize, S = count * eltsize.
        CollectiveSize allReduce = CollectiveSize.For(Collective.AllReduce, 1 << 20, 4, 4);
        Assert.Equal((1 << 20) / 4, allReduce.Count);
        Assert.Equal(1 << 20, allReduce.AlgorithmBytes);

        // all_gather: per-rank count rounded down to 16 bytes; S = the whole gathered array.
        CollectiveSize gather = CollectiveSize.For(Collective.AllGather, 1000, 4, 3);
        Assert.Equal(80, gather.Count); // 250 / 3 = 83 -> 80 (multiple of 4 floats)
        Assert.Equal(80, gather.SendElements);
        Assert.Equal(240, gather.ReceiveElements);
        Assert.Equal(960, gather.AlgorithmBytes);
        Assert.Equal(960, gather.DisplayBytes);

        CollectiveSize scatter = CollectiveSize.For(Collective.ReduceScatter, 1 << 20, 8, 4);
        Assert.Equal((1 << 20) / 8 / 4, scatter.Count);
        Assert.Equal(scatter.Count * 4, scatter.SendElements);
        Assert.Equal(1 << 20, scatter.AlgorithmBytes);

        CollectiveSize all = CollectiveSize.For(Collective.AllToAll, 1 << 20, 4, 2);
        Assert.Equal((1 << 20) / 4 / 2, all.Count);
        Assert.Equal(all.Count * 2, all.ReceiveElements);
        Assert.Equal(1 << 20, all.AlgorithmBytes);

        // 8 bytes over 2 ranks is below one 16-byte unit: nccl-tests prints count 0 for such rows.
        Assert.Equal(0, CollectiveSize.For(Collective.AllGather, 8, 4, 2).Count);
    }

    [Fact]
    public void The_sweep_multiplies_from_min_to_max_inclusive()
    {
        Assert.Equal([8L, 16, 32, 64], CollectiveMath.Sizes(8, 64, 2));
        Assert.Equal(24, CollectiveMath.Sizes(8, 64L << 20, 2).Count);
        Assert.Equal([1L << 20], CollectiveMath.Sizes(1 << 20, 1 << 20, 2));
        Assert.Equal([100L, 400, 1600], CollectiveMath.Sizes(100, 2000, 4));
        Assert.Throws<BadInputException>(() => CollectiveMath.Sizes(8, 64, 1));
    }

    [Fact]
    public void Size_parameters_accept_suffixes_and_reject_nonsense()
    {
        var benchmark = new AllReduceBenchmark();
        var cases = benchmark.Parameters.Expand(new Dictionary<string, string> { ["minbytes"] = "1k", ["maxbytes"] = "8MiB" });
        CollectiveSettings settings = CollectiveSettings.From(Assert.Single(cases), hasRoot: false);
        Assert.Equal(1024, settings.Sizes[0]);
        Assert.Equal(8L << 20, settings.Sizes[^1]);
        Assert.Equal([false, true], settings.Placements);
        Assert.Throws<BadInputException>(() => benchmark.Parameters.Expand(new Dictionary<string, string> { ["maxbytes"] = "lots" }));
        Assert.Throws<BadInputException>(() => benchmark.Parameters.Expand(new Dictionary<string, string> { ["inplace"] = "sometimes" }));
    }

    [Fact]
    public void Link_rate_override_and_sysfs_choice()
    {
        SystemInfo system = SystemInfo.Unknown with
        {
            Nics =
            [
                new NicInfo { Name = "eth0", LinkLayer = "Ethernet", RateBitsPerSecond = 25e9 },
                new NicInfo { Name = "mlx5_0", LinkLayer = "InfiniBand", RateBitsPerSecond = 400e9 },
                new NicInfo { Name = "eth1", LinkLayer = "Ethernet", RateBitsPerSecond = 100e9 },
            ],
        };
        CollectiveLink overridden = CollectiveLink.Describe(system, 1, "200mbit", "MPI", new BaselineCatalog());
        Assert.Equal(25e6, overridden.LineRate);
        Assert.Equal("link-rate override", overridden.RateSource);

        CollectiveLink ib = CollectiveLink.Describe(system, 2, "auto", "MPI", new BaselineCatalog());
        Assert.Equal(50e9, ib.LineRate);
        Assert.Equal("link:mlx5_0", ib.RateSource);
        Assert.Contains("InfiniBand", ib.Transport, StringComparison.Ordinal);

        Assert.Null(CollectiveLink.Describe(system, 1, "auto", "MPI", new BaselineCatalog()).LineRate);
        Assert.Throws<BadInputException>(() => CollectiveLink.Describe(system, 2, "fast", "MPI", new BaselineCatalog()));
    }
}

public class CollectiveInputsTests
{
    [Fact]
    public void Managed_inputs_equal_the_C_shims()
    {
        foreach (ReductionOp op in Enum.GetValues<ReductionOp>())
        {
            for (int rank = 0; rank < 5; rank++)
            {
                for (long index = 0; index < 200; index += 7)
                {
                    Assert.Equal(AiBench.Benchmarks.Interop.Mpi.InputValue((int)op, rank, index), CollectiveInputs.Value(op, rank, index));
                }
            }
        }
    }

    [Fact]
    public void Expected_values_are_exact_and_a_corrupt_input_is_caught()
    {
        // all-reduce sum over 3 ranks of element 0: (0 % 13 + 1) + (3 % 13 + 1) + (6 % 13 + 1) = 12.
        Assert.Equal(12, CollectiveInputs.Expected(Collective.AllReduce, ReductionOp.Sum, 4, 0, 3, 0, 0));
        var output = new double[8];
        for (int i = 0; i < 8; i++)
        {
            output[i] = CollectiveInputs.Expected(Collective.AllGather, ReductionOp.Sum, 4, 1, 2, 0, i);
        }

        Assert.Equal(0, CollectiveInputs.CountWrong(output, Collective.AllGather, ReductionOp.Sum, 4, 1, 2, 0));
        output[5] += 1;
        Assert.Equal(1, CollectiveInputs.CountWrong(output, Collective.AllGather, ReductionOp.Sum, 4, 1, 2, 0));
    }

    [Fact]
    public void Nccl_log_names_the_transports_it_connected()
    {
        const string log = """
            node1:123:456 [0] NCCL INFO NET/IB : No device found.
            node1:123:456 [0] NCCL INFO NET/Socket : Using [0]eth0:10.0.0.1<0>
            node1:123:456 [0] NCCL INFO NVLS multicast support is not available on dev 0
            node1:123:456 [0] NCCL INFO Channel 00/0 : 0[0] -> 1[1] via P2P/CUMEM/read
            node1:123:456 [0] NCCL INFO Channel 00/0 : 1[1] -> 2[0] [send] via NET/Socket/0
            """;
        Assert.Equal("P2P, NET/Socket", NcclLog.Parse(log));
        Assert.Equal("NVLS, NET/IB", NcclLog.Parse(
            "NCCL INFO NVLS comm 0x1 headRank 0 nHeads 4\nNCCL INFO Channel 00/1 : 0[0] -> 8[0] [send] via NET/IB/0/GDRDMA\n"));
        Assert.Equal("none named", NcclLog.Parse("NCCL INFO comm 0x1 rank 0 nRanks 1"));
    }
}
