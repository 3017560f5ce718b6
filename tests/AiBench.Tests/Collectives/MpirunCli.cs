using System.Diagnostics;
using System.Globalization;

namespace AiBench.Tests.Collectives;

/// <summary>The test build of the CLI under a real Open MPI mpirun on loopback (TCP), each call in a fresh folder.</summary>
internal static class MpirunCli
{
    /// <summary>
    /// mpirun -np N [mpiArgs] dotnet aibench.dll args --out results, with <paramref name="file"/> written into the folder
    /// first; returns the exit code, all output and the run folder.
    /// </summary>
    public static (int Exit, string Output, string RunDir) Run(int ranks, string[] mpiArgs, string[] args, (string Name, string Text)? file = null)
    {
        string work = Directory.CreateTempSubdirectory("aibench-mpi").FullName;
        if (file is { } f)
        {
            File.WriteAllText(Path.Combine(work, f.Name), f.Text);
        }

        ProcessStartInfo start = ChildProcess.StartInfo(MpiRun.Path ?? "mpirun",
            ["--allow-run-as-root", "--oversubscribe", "-np", ranks.ToString(CultureInfo.InvariantCulture),
                "--mca", "btl", "tcp,self", "--mca", "btl_tcp_if_include", "lo", "--mca", "oob_tcp_if_include", "lo",
                .. mpiArgs, "dotnet", Path.Combine(AppContext.BaseDirectory, "aibench.dll"), .. args, "--out", "results"],
            work);
        ChildProcess.Result result = ChildProcess.RunWithin(start, TimeSpan.FromMinutes(2), $"mpirun -np {ranks} aibench {string.Join(' ', args)}");
        string output = result.Stdout + "\n" + result.Stderr;
        string results = Path.Combine(work, "results");
        string runDir = Directory.Exists(results) ? Directory.GetDirectories(results).FirstOrDefault() ?? results : results;
        return (result.ExitCode, output, runDir);
    }
}
