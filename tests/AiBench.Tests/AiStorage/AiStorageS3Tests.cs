using AiBench.Benchmarks.AiStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Tests.ObjectStorage;
using AiBench.Core.Errors;
using Amazon.S3;
using Amazon.S3.Model;
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
        Assert.False(bandwidth.Info.ContainsKey("datasetKeptAt"));
        Assert.Equal(before, await AiBenchBuckets());
    }

    private static readonly (string, string)[] KeptDataset = [("shape", "custom"), ("files", "6"), ("file-size", "320KiB"), ("readers", "2"), ("request", "64KiB"), ("epochs", "2")];

    private const string KeptPrefix = "aibench-dataset-6x327680/";

    [Fact]
    public async Task A_dataset_in_a_named_bucket_is_kept_with_its_marker_and_reused_by_the_next_run()
    {
        using AmazonS3Client client = rgw.Client();
        await using var bucket = await TestBucket.CreateAsync(client);

        List<Measurement> first = await Run(new DatasetBenchmark(), S3([.. KeptDataset, ("bucket", bucket.Name)]));
        List<S3Object> kept = await bucket.ListAsync();
        List<Measurement> second = await Run(new DatasetBenchmark(), S3([.. KeptDataset, ("bucket", bucket.Name)]));

        Assert.Equal("false", first[0].Info!["datasetReused"]);
        Assert.Equal($"{bucket.Name}/{KeptPrefix}", first[0].Info!["datasetKeptAt"]);
        Assert.Equal("true", second[0].Info!["datasetReused"]);
        Assert.Equal($"{bucket.Name}/{KeptPrefix}", second[0].Info!["datasetKeptAt"]);
        Assert.Equal(new Correctness(2 * 6 * 80, 0), second.Single(m => m.Metric == "bandwidth").Correct);
        Assert.Equal(7, kept.Count); // 6 objects and the marker, all under the dataset's prefix
        Assert.All(kept, o => Assert.StartsWith(KeptPrefix, o.Key, StringComparison.Ordinal));
        Assert.Contains(kept, o => o.Key == KeptPrefix + "aibench-dataset.json");
        Assert.Equal(kept.Select(o => (o.Key, o.ETag)), (await bucket.ListAsync()).Select(o => (o.Key, o.ETag))); // the reuse wrote nothing
    }

    [Fact]
    public async Task A_changed_object_in_a_kept_dataset_is_counted_wrong()
    {
        using AmazonS3Client client = rgw.Client();
        await using var bucket = await TestBucket.CreateAsync(client);
        await Run(new DatasetBenchmark(), S3([.. KeptDataset, ("bucket", bucket.Name)]));
        byte[] other = new byte[320 << 10];
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket.Name, Key = KeptPrefix + "file-0000003.bin", InputStream = new MemoryStream(other), UseChunkEncoding = false });

        List<Measurement> figures = await Run(new DatasetBenchmark(), S3([.. KeptDataset, ("bucket", bucket.Name)]));
        Assert.Equal(new Correctness(2 * 6 * 80, 2 * 80), figures.Single(m => m.Metric == "bandwidth").Correct); // every chunk of one object, in 2 epochs
    }

    [Theory]
    [InlineData("notes.txt", "someone's data", "not a complete AiBench dataset")] // a prefix of the dataset's name holding something else
    [InlineData("aibench-dataset.json", "{\"format\":\"aibench-dataset/2\",\"files\":6,\"fileBytes\":327680,\"seed\":1}", "lacks file-0000000.bin")] // a marker without its objects
    public async Task A_prefix_of_the_datasets_name_that_is_not_a_complete_dataset_is_refused_and_left_as_it_is(string name, string content, string why)
    {
        using AmazonS3Client client = rgw.Client();
        await using var bucket = await TestBucket.CreateAsync(client);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket.Name, Key = KeptPrefix + name, ContentBody = content, UseChunkEncoding = false });

        CouldNotRunException e = await Assert.ThrowsAsync<CouldNotRunException>(() => Run(new DatasetBenchmark(), S3([.. KeptDataset, ("bucket", bucket.Name)])));
        Assert.Contains(KeptPrefix, e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        S3Object left = Assert.Single(await bucket.ListAsync());
        Assert.Equal(KeptPrefix + name, left.Key);
    }
}
