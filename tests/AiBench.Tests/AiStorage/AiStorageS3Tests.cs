using AiBench.Benchmarks.AiStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Tests.ObjectStorage;
using Amazon.S3;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>storage.checkpoint and storage.dataset with backend=s3 against the local Ceph RGW: verified, and nothing left behind.</summary>
[Collection(RgwCollection.Name)]
public class AiStorageS3Tests(LocalRgw rgw)
{
    private Dictionary<string, string> S3(params (string Name, string Value)[] extra)
    {
        string secret = Path.Combine(Path.GetTempPath(), $"aibench-test-secret-{Environment.ProcessId}");
        File.WriteAllText(secret, rgw.SecretKey);
        var settings = new Dictionary<string, string>
        {
            ["backend"] = "s3", ["endpoint"] = rgw.Endpoint, ["access-key"] = rgw.AccessKey, ["secret-key-file"] = secret,
            ["checksum"] = "when-required", ["part-size"] = "5MiB", ["timeout"] = "30s",
        };
        foreach ((string name, string value) in extra)
        {
            settings[name] = value;
        }

        return settings;
    }

    private static Task<List<Measurement>> Run(IBenchmark benchmark, Dictionary<string, string> settings) =>
        InProcessRun.Figures(benchmark, settings, Path.GetTempPath());

    private async Task<int> AiBenchBuckets()
    {
        using AmazonS3Client client = rgw.Client();
        return (await client.ListBucketsAsync()).Buckets?.Count(b => b.BucketName.StartsWith("aibench-", StringComparison.Ordinal)) ?? 0;
    }

    [Fact]
    public async Task A_checkpoint_goes_up_as_multipart_objects_comes_back_intact_and_the_bucket_is_removed()
    {
        int before = await AiBenchBuckets();
        // 2 writers × 12 MiB shards: three 5 MiB parts each, the last one short.
        List<Measurement> figures = await Run(new CheckpointBenchmark(), S3(("size", "24MiB"), ("writers", "2"), ("checkpoints", "2")));

        Measurement restore = figures.Single(m => m.Metric == "restore_bandwidth");
        Assert.Equal(new Correctness(2 * (24L << 20) / 4096, 0), restore.Correct);
        Assert.Null(restore.Invalid);
        Assert.StartsWith("S3 ", restore.Info!["store"], StringComparison.Ordinal);
        Assert.Equal("complete", restore.Info["cleanup"]);
        Assert.False(restore.Info.ContainsKey("cachedBeforeRestore"));
        Assert.All(figures, m => Assert.All(m.Samples, s => Assert.True(s > 0)));
        Assert.Equal(before, await AiBenchBuckets());
    }

    [Fact]
    public async Task A_dataset_of_objects_is_read_in_every_epoch_intact_and_removed()
    {
        int before = await AiBenchBuckets();
        List<Measurement> figures = await Run(new DatasetBenchmark(),
            S3(("shape", "custom"), ("files", "12"), ("file-size", "640KiB"), ("readers", "3"), ("request", "256KiB"), ("epochs", "2")));

        Measurement bandwidth = figures.Single(m => m.Metric == "bandwidth");
        Assert.Equal(new Correctness(2 * 12 * 160, 0), bandwidth.Correct);
        Assert.Null(bandwidth.Invalid);
        Assert.Equal("complete", bandwidth.Info!["cleanup"]);
        Assert.Equal(before, await AiBenchBuckets());
    }
}
