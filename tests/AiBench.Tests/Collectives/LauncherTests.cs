using AiBench.Core.Jobs;
using Xunit;

namespace AiBench.Tests.Collectives;

public class LauncherTests
{
    [Fact]
    public void Open_mpi_variables_win_over_slurm_ones()
    {
        LaunchInfo info = Launcher.Detect(new Dictionary<string, string>
        {
            ["OMPI_COMM_WORLD_RANK"] = "3", ["OMPI_COMM_WORLD_SIZE"] = "8", ["OMPI_COMM_WORLD_LOCAL_RANK"] = "1",
            ["SLURM_PROCID"] = "0", ["SLURM_NTASKS"] = "1", ["SLURM_LOCALID"] = "0",
        });
        Assert.Equal(new LaunchInfo("openmpi", 3, 8, 1), info);
        Assert.True(info.IsLaunched);
    }

    [Fact]
    public void Pmi_and_slurm_are_recognised()
    {
        Assert.Equal(new LaunchInfo("pmi", 5, 6, 2),
            Launcher.Detect(new Dictionary<string, string> { ["PMI_RANK"] = "5", ["PMI_SIZE"] = "6", ["MPI_LOCALRANKID"] = "2" }));
        Assert.Equal(new LaunchInfo("slurm", 7, 16, 3),
            Launcher.Detect(new Dictionary<string, string> { ["SLURM_PROCID"] = "7", ["SLURM_NTASKS"] = "16", ["SLURM_LOCALID"] = "3" }));
        Assert.Equal(new LaunchInfo("pmi", 1, 2, 0),
            Launcher.Detect(new Dictionary<string, string> { ["PMI_RANK"] = "1", ["PMI_SIZE"] = "2" }));
    }

    [Fact]
    public void Without_a_launcher_or_with_nonsense_it_is_a_single_rank()
    {
        Assert.Equal(LaunchInfo.SingleRank, Launcher.Detect(new Dictionary<string, string>()));
        Assert.Equal(LaunchInfo.SingleRank, Launcher.Detect(new Dictionary<string, string> { ["OMPI_COMM_WORLD_RANK"] = "2", ["OMPI_COMM_WORLD_SIZE"] = "2" }));
        Assert.Equal(LaunchInfo.SingleRank, Launcher.Detect(new Dictionary<string, string> { ["SLURM_PROCID"] = "x", ["SLURM_NTASKS"] = "4" }));
        Assert.Equal(LaunchInfo.SingleRank, Launcher.Detect(new Dictionary<string, string> { ["SLURM_PROCID"] = "0" }));
        Assert.False(LaunchInfo.SingleRank.IsLaunched);
    }
}
