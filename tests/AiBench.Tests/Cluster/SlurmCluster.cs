
namespace AiBench.Tests.Cluster;

/// <summary>
/// The local 4-node Slurm cluster of tests/infra/slurm.sh (real slurmctld/slurmd in network namespaces; CI starts it,
/// a test starts it when it is not running). Runs the published build/bin/aibench, as a user would.
/// </summary>
internal static class SlurmCluster
{
    public static string Script => Path.Combine(RepoPaths.Root, "tests", "infra", "slurm.sh");

    public static string Aibench => Path.Combine(RepoPaths.Root, "build", "bin", "aibench");

    private static readonly Lazy<bool> Started = new(() =>
    {
        ProcessResult result = RunAsync(TimeSpan.FromMinutes(10), Script, "start").GetAwaiter().GetResult();
        return result.ExitCode == 0 ? true : throw new InvalidOperationException($"tests/infra/slurm.sh start failed:\n{result.Output}");
    });

    public static void EnsureStarted()
    {
        if (!File.Exists(Aibench))
        {
            throw new InvalidOperationException($"{Aibench} is missing: build it with ./run.sh list (./run.sh test does)");
        }

        _ = Started.Value;
    }

    /// <summary>A tests/infra/slurm.sh sub-command (shape, unshape-all, cpu-limit, ...); throws when it fails.</summary>
    public static async Task<string> Infra(params string[] arguments)
    {
        ProcessResult result = await RunAsync(TimeSpan.FromMinutes(2), Script, arguments);
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"slurm.sh {string.Join(' ', arguments)} failed:\n{result.Output}");
    }

    /// <summary><c>srun -N4 build/bin/aibench ARGS</c> on the controller, bounded by <paramref name="limit"/>.</summary>
    public static Task<ProcessResult> Srun(TimeSpan limit, params string[] aibenchArguments) =>
        RunAsync(limit, Script, ["exec", "srun", "-N4", "--ntasks-per-node=1", "--mpi=pmix", "--kill-on-bad-exit=0", Aibench, .. aibenchArguments]);

    public static async Task<ProcessResult> RunAsync(TimeSpan limit, string file, params string[] arguments)
    {
        // Four ranks share this machine's two cores: Open MPI's busy-polling waits would take the CPU from the rank
        // that is sending (its advice for oversubscribed nodes); srun and mpirun pass it on to every rank.
        var environment = new Dictionary<string, string?> { ["OMPI_MCA_mpi_yield_when_idle"] = "1" };
        ChildProcess.Result result = await ChildProcess.RunAsync(ChildProcess.StartInfo(file, arguments, RepoPaths.Root, environment), limit);
        return new ProcessResult(result.ExitCode, result.Output, result.Elapsed);
    }
}

internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);
