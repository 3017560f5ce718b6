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

        var start = new ProcessStartInfo(MpiRun.Path ?? "mpirun")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])["--allow-run-as-root", "--oversubscribe", "-np", ranks.ToString(CultureInfo.InvariantCulture),
                     "--mca", "btl", "tcp,self", "--mca", "btl_tcp_if_include", "lo", "--mca", "oob_tcp_if_include", "lo",
                     .. mpiArgs, "dotnet", Path.Combine(AppContext.BaseDirectory, "aibench.dll"), .. args, "--out", "results"])
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mpirun -np {ranks} aibench {string.Join(' ', args)} did not finish in 2 minutes");
        }

        process.WaitForExit();
        string output = stdout.Result + "\n" + stderr.Result;
        string results = Path.Combine(work, "results");
        string runDir = Directory.Exists(results) ? Directory.GetDirectories(results).FirstOrDefault() ?? results : results;
        return (process.ExitCode, output, runDir);
    }
}
