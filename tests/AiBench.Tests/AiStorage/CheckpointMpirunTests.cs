using System.Text.Json.Nodes;
using AiBench.Tests.Collectives;
using AiBench.Tests.EndToEnd;
using AiBench.Tests.Storage;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>storage.checkpoint under a real mpirun: each rank writes its shards, rank 0 reports the job's figures.</summary>
public class CheckpointMpirunTests
{
    [Fact]
    public void Two_ranks_write_and_restore_one_checkpoint_and_rank_0_reports_it()
    {
        using var folder = new StorageTestFolder();
        (int exit, string output, string runDir) = MpirunCli.Run(2, [],
        [
            "run", "storage.checkpoint", "--set", "size=32MiB", "--set", "writers=2", "--set", "request=1MiB",
            "--set", "checkpoints=2", "--set", $"folder={folder.Path}",
        ]);
        Assert.True(exit == 0, $"exit {exit}\n{output}");

        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        RunJson.AssertValid(run);
        JsonNode restore = run["measurements"]!.AsArray().Single(m => (string?)m!["metric"] == "restore_bandwidth")!;
        Assert.Equal("2", (string?)restore["info"]!["ranks"]);
        Assert.Equal("4", (string?)restore["info"]!["shards"]);
        Assert.Equal((32L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)restore["info"]!["bytes"]);
        // Both ranks' shards were read back and checked: 2 checkpoints × 32 MiB in 4 KiB chunks.
        Assert.Equal(2 * (32L << 20) / 4096, (long)restore["correct"]!["checked"]!);
        Assert.Equal(0, (long)restore["correct"]!["wrong"]!);
        Assert.Null(restore["invalid"]);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(runDir)!));
    }
}
