using System.Collections;
using System.Globalization;

namespace AiBench.Core.Jobs;

/// <summary>Where this process sits in a parallel job, as its launcher's environment describes it.</summary>
/// <param name="Launcher"><c>openmpi</c> (mpirun), <c>pmi</c> (MPICH/Hydra, Intel MPI), <c>slurm</c> (srun) or <c>none</c>.</param>
public sealed record LaunchInfo(string Launcher, int Rank, int Size, int LocalRank)
{
    public static LaunchInfo SingleRank { get; } = new("none", 0, 1, 0);

    public bool IsLaunched => Launcher != "none";

    /// <summary>Whether this process writes results: only rank 0 of a launched job does (any rank when unlaunched).</summary>
    public bool WritesResults => Rank == 0;
}

/// <summary>
/// Detects a launcher from the environment it sets: Open MPI's mpirun (<c>OMPI_COMM_WORLD_RANK/SIZE/LOCAL_RANK</c>),
/// PMI launchers such as MPICH's Hydra (<c>PMI_RANK/PMI_SIZE</c>, <c>MPI_LOCALRANKID</c>), and Slurm's srun
/// (<c>SLURM_PROCID/SLURM_NTASKS/SLURM_LOCALID</c>), in that order; otherwise the process is a single rank. The
/// first match wins because mpirun inside a Slurm allocation sets both its own and Slurm's variables.
/// </summary>
public static class Launcher
{
    /// <summary>This process's place, read once by the CLI's composition root and handed down through <c>RunOptions</c>.</summary>
    public static LaunchInfo FromProcessEnvironment() => Detect(ReadEnvironment());

    public static LaunchInfo Detect(IReadOnlyDictionary<string, string> environment)
    {
        return Try("openmpi", "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_RANK")
            ?? Try("pmi", "PMI_RANK", "PMI_SIZE", "MPI_LOCALRANKID")
            ?? Try("slurm", "SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID")
            ?? LaunchInfo.SingleRank;

        LaunchInfo? Try(string name, string rankVariable, string sizeVariable, string localVariable)
        {
            if (Number(rankVariable) is not { } rank || Number(sizeVariable) is not { } size || size < 1 || rank >= size)
            {
                return null;
            }

            return new LaunchInfo(name, rank, size, Number(localVariable) ?? 0);
        }

        int? Number(string variable) =>
            environment.TryGetValue(variable, out string? text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
    }


    private static Dictionary<string, string> ReadEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return variables;
    }
}
