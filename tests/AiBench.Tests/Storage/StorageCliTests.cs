using System.Text.Json.Nodes;
using AiBench.Tests.EndToEnd;
using Xunit;

namespace AiBench.Tests.Storage;

/// <summary>The real CLI on storage.io: a short run on a disk folder, and the exit codes of its refusals.</summary>
public class StorageCliTests
{
    [Fact]
    public void A_short_run_writes_results_and_leaves_no_file()
    {
        using var folder = new StorageTestFolder();
        string work = Directory.CreateTempSubdirectory("aibench-storage-e2e").FullName;
        CliProcess.Result result = CliProcess.Run(work,
        [
            "run", "storage.io", "--out", "results", "--set", $"target={folder.Path}", "--set", "size=32MiB", "--sku", "kioxia-cm6",
            "--set", "runtime=0.5s", "--set", "ramp=0.1s", "--set", "workload=randread-4k-qd32,seqwrite-1m-qd32,randrw-4k-70-30-qd32",
        ]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        string runDir = Assert.Single(Directory.GetDirectories(Path.Combine(work, "results")));
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        RunJson.AssertValid(run);
        JsonArray measurements = run["measurements"]!.AsArray();
        Assert.Contains(measurements, m => (string?)m!["metric"] == "iops" && (string?)m["params"]!["workload"] == "randread-4k-qd32"
            && (string?)m["baseline"]?["source"] == "vendor:kioxia-cm6"); // storage.io names the drive's datasheet
        Assert.Contains(measurements, m => (string?)m!["metric"] == "bandwidth" && (string?)m["params"]!["workload"] == "seqwrite-1m-qd32");
        Assert.Contains(measurements, m => (string?)m!["metric"] == "latency" && (string?)m["labels"]!["percentile"] == "p99");
        foreach (string direction in new[] { "read", "write" })
        {
            Assert.Contains(measurements, m => (string?)m!["metric"] == "latency" && (string?)m["labels"]!["direction"] == direction
                && (string?)m["params"]!["workload"] == "randrw-4k-70-30-qd32");
        }

        Assert.All(measurements, m => Assert.NotNull(m!["labels"]!["direction"]));
        // One chart per metric family: IOPS share theirs with the per-slice IOPS (the same unit).
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(runDir, "charts"), "storage.io.iops*.svg"));
        Assert.Empty(folder.Files());
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task Ctrl_c_mid_run_writes_a_partial_result_exits_130_and_leaves_no_file()
    {
        using var folder = new StorageTestFolder();
        string work = Directory.CreateTempSubdirectory("aibench-storage-e2e").FullName;
        using RunningCli cli = RunningCli.Start(work, null,
            "run", "storage.io", "--out", "results", "--set", $"target={folder.Path}",
            "--set", "size=32MiB", "--set", "runtime=30s", "--set", "ramp=0s", "--set", "workload=randread-4k-qd32");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await cli.SignalAsync("INT");
        CliProcess.Result result = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));
        string output = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == 130, $"exit {result.ExitCode}\n{output}");
        string runDir = Assert.Single(Directory.GetDirectories(Path.Combine(work, "results")));
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        Assert.Equal("partial", (string?)run["status"]);
        Assert.Empty(folder.Files());
        Directory.Delete(work, recursive: true);
    }

    [SkippableFact]
    public void A_memory_file_system_exits_3_with_one_clear_line()
    {
        Skip.IfNot(Directory.Exists("/dev/shm"), "no /dev/shm on this machine");

        (int exit, JsonNode error) = RunRefused("/dev/shm");
        Assert.Equal(3, exit);
        Assert.Equal("could-not-run", (string?)error["kind"]);
        Assert.Contains("tmpfs", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_target_is_bad_input_and_exits_2()
    {
        (int exit, JsonNode error) = RunRefused("/nonexistent/aibench-target");
        Assert.Equal(2, exit);
        Assert.Equal("bad-input", (string?)error["kind"]);
        Assert.Contains("does not exist", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public void Where_io_uring_is_unavailable_auto_falls_back_to_libaio_and_a_forced_io_uring_says_why()
    {
        // io_uring_setup fails with ENOSYS for the CLI only (seccomp, as in Docker's default profile).
        string without = Path.Combine(RepoPaths.Root, "build", "native", "aibench-without-io-uring");
        Assert.True(File.Exists(without), $"{without} is built with the native library");
        using var folder = new StorageTestFolder();
        string work = Directory.CreateTempSubdirectory("aibench-storage-e2e").FullName;
        (int exit, string stderr) Run(string engine, string output)
        {
            ChildProcess.Result result = ChildProcess.RunWithin(ChildProcess.StartInfo(without,
                [
                    "dotnet", Path.Combine(AppContext.BaseDirectory, "aibench.dll"), "run", "storage.io", "--out", output,
                    "--set", $"target={folder.Path}", "--set", "size=16MiB", "--set", "runtime=0.3s", "--set", "ramp=0s",
                    "--set", "workload=randread-4k-qd32", "--set", $"engine={engine}",
                ], work), TimeSpan.FromMinutes(2), $"aibench with engine={engine}");
            return (result.ExitCode, result.Stderr);
        }

        (int autoExit, string autoErr) = Run("auto", "auto");
        Assert.True(autoExit == 0, autoErr);
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(work, "auto"))), "run.json")))!;
        Assert.All(run["measurements"]!.AsArray(), m => Assert.Equal("libaio", (string?)m!["info"]!["engine"]));

        (int forcedExit, string forcedErr) = Run("io_uring", "forced");
        Assert.Equal(3, forcedExit);
        Assert.Contains("io_uring could not be set up (errno 38)", forcedErr, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
        Directory.Delete(work, recursive: true);
    }

    private static (int Exit, JsonNode Error) RunRefused(string target)
    {
        string work = Directory.CreateTempSubdirectory("aibench-storage-e2e").FullName;
        try
        {
            CliProcess.Result result = CliProcess.Run(work,
                ["run", "storage.io", "--out", "results", "--set", $"target={target}", "--set", "workload=randread-4k-qd32", "--set", "runtime=0.2s"]);
            string runDir = Assert.Single(Directory.GetDirectories(Path.Combine(work, "results")));
            JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
            return (result.ExitCode, run["errors"]!.AsArray().Single()!);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
