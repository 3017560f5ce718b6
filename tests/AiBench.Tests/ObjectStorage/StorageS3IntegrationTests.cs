using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using Amazon.S3.Model;
using Amazon.S3;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>storage.s3 in-process against the local Ceph RGW: every operation, data integrity, and clean-up.</summary>
[Collection(RgwCollection.Name)]
public class StorageS3IntegrationTests(LocalRgw rgw)
{
    private static readonly SystemInfo ThisMachine = SystemInfoCollector.Collect();

    [Fact]
    public async Task Every_operation_runs_with_no_errors_and_reads_back_what_it_wrote()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        foreach (string op in new[] { "put", "get", "multipart-put", "head", "list", "delete", "mixed" })
        {
            // A multipart upload takes about a second on a loaded 2-core CI machine: give it a window that holds several.
            var settings = Settings(bucket, op, ("size", op == "multipart-put" ? "11MiB" : "256KiB"), ("part-size", "5MiB"),
                ("objects", op == "delete" ? "400" : "24"), ("duration", op == "multipart-put" ? "5s" : "1s"));
            List<Measurement> figures = await RunAsync(settings);
            string[] expected = op == "mixed" ? ["get", "head", "put", "delete"] : [op];
            foreach (string operation in expected)
            {
                Measurement errors = Assert.Single(figures, m => m.Metric == "errors" && m.Labels["operation"] == operation);
                Assert.True(errors.Samples[0] == 0, $"{op}/{operation}: {string.Join(", ", errors.Info!.Where(i => i.Key.StartsWith("errors.", StringComparison.Ordinal)))}");
                Measurement ops = Assert.Single(figures, m => m.Metric == "ops" && m.Labels["operation"] == operation);
                Assert.True(ops.Value > 0, $"{op}/{operation}: no operations per second");
                Assert.Contains(figures, m => m.Metric == "latency" && m.Labels["operation"] == operation && m.Labels["percentile"] == "p99");
                Assert.Equal("complete", ops.Info!["cleanup"]);
                Assert.True(double.Parse(ops.Info["cpuCores"], System.Globalization.CultureInfo.InvariantCulture) > 0, $"{op}/{operation}: no CPU time read");
                if (operation is "put" or "get" or "multipart-put")
                {
                    Assert.True(double.Parse(ops.Info["cpuSecondsPerGB"], System.Globalization.CultureInfo.InvariantCulture) > 0, $"{op}/{operation}: no CPU per GB");
                }

                if (op == "put")
                {
                    Assert.Equal("UNSIGNED-PAYLOAD", ops.Info["payloadSigning"]); // over plain HTTP: the server took it
                }
            }

            Assert.All(figures.Where(m => m.Correct is not null), m => Assert.Equal(0, m.Correct!.Wrong));
        }

        // get checked every byte of every object it read; ttfb is recorded for it and comes before the whole request.
        List<Measurement> get = await RunAsync(Settings(bucket, "get", ("size", "1MiB"), ("objects", "16")));
        Measurement checkedGets = get.First(m => m.Metric == "throughput");
        Assert.True(checkedGets.Correct!.Checked > 0);
        Assert.True(get.Single(m => m.Metric == "ttfb" && m.Labels["percentile"] == "p50").Value
            <= get.Single(m => m.Metric == "latency" && m.Labels["percentile"] == "p50").Value);
        await AssertOnlyForeignKeysAsync(client, bucket);
    }

    [Fact]
    public async Task Ranged_get_reads_exactly_the_range()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        List<Measurement> figures = await RunAsync(Settings(bucket, "get", ("size", "1MiB"), ("range", "64KiB"), ("objects", "16")));
        Measurement throughput = figures.Single(m => m.Metric == "throughput");
        long requests = long.Parse(throughput.Info!["succeeded"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(requests * 65536, long.Parse(throughput.Info["bytes"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, throughput.Correct!.Wrong);

        // The headline is warp's Average, one sample; the 16 objects of 1 MiB are said to fit a server's cache.
        Assert.Single(throughput.Samples);
        Assert.Contains(figures, m => m.Metric == S3Measurements.SegmentThroughputMetric && m.Samples.Count >= 2);
        Assert.Equal((16L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), throughput.Info["workingSetBytes"]);
        Assert.Contains("page cache", throughput.Info["cacheWarning"], StringComparison.Ordinal);
        await AssertOnlyForeignKeysAsync(client, bucket);
    }

    [Fact]
    public async Task A_multipart_object_of_several_parts_reads_back_intact()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        var payload = new ObjectPayload(12 << 20, seed: 7);
        var workload = new S3Workload { ObjectSize = 12 << 20, PartSize = 5 << 20, PartConcurrency = 2, Timeout = TimeSpan.FromSeconds(30) };
        var requests = new S3Requests(client, bucket, "multipart-test/", payload, workload, System.Diagnostics.Stopwatch.GetTimestamp());
        var item = new StoredObject(42, 12 << 20);
        (RequestRecord put, Exception? putError) = await requests.ExecuteAsync(S3Operation.MultipartPut, item, -1, [], new Random(1), default);
        Assert.True(put.Succeeded, putError?.ToString());

        // Read back independently of the benchmark's own check: three parts (5 + 5 + 2 MiB), byte for byte.
        using GetObjectResponse response = await client.GetObjectAsync(bucket, requests.Key(42));
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        Assert.Equal(12 << 20, copy.Length);
        Assert.Equal(payload.Content(42, 0, 12 << 20), copy.ToArray());
        Assert.EndsWith("-3", response.ETag.Trim('"'), StringComparison.Ordinal); // S3's multipart ETag names the part count

        (RequestRecord get, _) = await requests.ExecuteAsync(S3Operation.Get, item, -1, new byte[1 << 16], new Random(1), default);
        Assert.True(get.Succeeded);
        Assert.Equal(12 << 20, get.Bytes);
        (RequestRecord partsGet, Exception? partsError) = await requests.ExecuteAsync(S3Operation.MultipartGet, item, -1, [], new Random(1), default);
        Assert.True(partsGet.Succeeded, partsError?.ToString());
        Assert.Equal(12 << 20, partsGet.Bytes);
        Assert.InRange(partsGet.FirstByteTicks, partsGet.StartTicks + 1, partsGet.EndTicks);
        await client.DeleteObjectAsync(bucket, requests.Key(42));
    }

    [Fact]
    public async Task A_multipart_get_of_an_object_changed_in_its_last_part_is_a_checksum_error_naming_the_offset()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        const int size = 12 << 20;
        var payload = new ObjectPayload(size, seed: 9);
        var workload = new S3Workload { ObjectSize = size, PartSize = 5 << 20, PartConcurrency = 3, Timeout = TimeSpan.FromSeconds(30) };
        var requests = new S3Requests(client, bucket, "corrupt-parts/", payload, workload, System.Diagnostics.Stopwatch.GetTimestamp());
        byte[] changed = payload.Content(5, 0, size);
        changed[11 << 20] ^= 0xFF;   // in the third ranged GET (10..12 MiB)
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = requests.Key(5), InputStream = new MemoryStream(changed), UseChunkEncoding = false });

        (RequestRecord get, Exception? failure) = await requests.ExecuteAsync(S3Operation.MultipartGet, new StoredObject(5, size), -1, [], new Random(1), default);
        Assert.Equal(RequestError.Checksum, get.Error);
        Assert.Contains("differ from what was written", failure!.Message, StringComparison.Ordinal);
        // The read named is the one holding the changed byte.
        var at = System.Text.RegularExpressions.Regex.Match(failure.Message, @"bytes at (\d+)\.\.(\d+)");
        Assert.True(at.Success, failure.Message);
        Assert.InRange(11L << 20, long.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 1);
        await client.DeleteObjectAsync(bucket, requests.Key(5));
    }

    [Fact]
    public async Task A_get_of_changed_bytes_is_a_checksum_error_naming_the_offset()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        var payload = new ObjectPayload(1 << 20, seed: 7);
        var workload = new S3Workload { ObjectSize = 1 << 20, Timeout = TimeSpan.FromSeconds(30) };
        var requests = new S3Requests(client, bucket, "corrupt-test/", payload, workload, System.Diagnostics.Stopwatch.GetTimestamp());
        var item = new StoredObject(3, 1 << 20);
        Assert.True((await requests.ExecuteAsync(S3Operation.Put, item, -1, [], new Random(1), default)).Record.Succeeded);

        // Someone else rewrites the object with one byte flipped.
        byte[] changed = payload.Content(3, 0, 1 << 20);
        changed[700_000] ^= 0xFF;
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = requests.Key(3), InputStream = new MemoryStream(changed), UseChunkEncoding = false });
        (RequestRecord get, Exception? failure) = await requests.ExecuteAsync(S3Operation.Get, item, -1, new byte[1 << 16], new Random(1), default);
        Assert.Equal(RequestError.Checksum, get.Error);
        Assert.Contains("differ from what was written", failure!.Message, StringComparison.Ordinal);
        await client.DeleteObjectAsync(bucket, requests.Key(3));
    }

    [Fact]
    public async Task A_bucket_with_versioning_is_refused_because_deletes_would_keep_every_version()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        await client.PutBucketVersioningAsync(new PutBucketVersioningRequest
        {
            BucketName = bucket,
            VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
        });
        var e = await Assert.ThrowsAsync<AiBench.Core.Errors.BadInputException>(() => RunAsync(Settings(bucket, "put")));
        Assert.Contains("versioning enabled", e.Message, StringComparison.Ordinal);
        ListVersionsResponse versions = await client.ListVersionsAsync(bucket);
        Assert.Equal(["foreign/keep-me"], (versions.Versions ?? []).Select(v => v.Key));
    }

    [Fact]
    public async Task A_fresh_bucket_is_created_and_removed()
    {
        using AmazonS3Client client = rgw.Client();
        HashSet<string> before = (await client.ListBucketsAsync()).Buckets?.Select(b => b.BucketName).ToHashSet() ?? [];
        var settings = Settings("auto", "put", ("size", "64KiB"));
        List<Measurement> figures = await RunAsync(settings);
        Assert.Equal("fresh bucket", figures[0].Info!["bucket"]);
        HashSet<string> after = (await client.ListBucketsAsync()).Buckets?.Select(b => b.BucketName).ToHashSet() ?? [];
        Assert.Equal(before.Order(), after.Order());
    }

    [Fact]
    public async Task Ctrl_c_still_cleans_up_and_keeps_the_figures_measured_so_far()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2.5));
        var figures = new List<Measurement>();
        BenchmarkContext context = Context(Settings(bucket, "multipart-put", ("size", "6MiB"), ("duration", "30s")));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Measurement m in new StorageS3Benchmark().RunAsync(context, cancel.Token))
            {
                figures.Add(m);
            }
        });
        Assert.Contains(figures, m => m.Metric == "throughput" && m.Info!["stopReason"] == "Cancelled");
        Assert.True(figures[0].Info!["cleanup"] == "complete", figures[0].Info!["cleanup"]);
        await AssertOnlyForeignKeysAsync(client, bucket);
        ListMultipartUploadsResponse uploads = await client.ListMultipartUploadsAsync(bucket);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task Autoterm_stops_before_the_duration_once_throughput_settles()
    {
        using AmazonS3Client client = rgw.Client();
        string bucket = await FreshBucketAsync(client);
        List<Measurement> figures = await RunAsync(Settings(bucket, "head", ("objects", "32"), ("duration", "60s"), ("autoterm", "true"),
            ("autoterm-window", "1.5s"), ("autoterm-tolerance", "50"), ("segment", "0.25s")));
        Measurement ops = figures.Single(m => m.Metric == "ops");
        Assert.Equal("Settled", ops.Info!["stopReason"]);
        Assert.True(double.Parse(ops.Info["windowSeconds"], System.Globalization.CultureInfo.InvariantCulture) < 30);
    }

    /// <summary>A bucket holding one key of somebody else's, which no run may touch.</summary>
    private static async Task<string> FreshBucketAsync(AmazonS3Client client)
    {
        string bucket = $"aibench-test-{Guid.NewGuid():N}"[..40];
        await client.PutBucketAsync(bucket);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "foreign/keep-me", ContentBody = "not ours", UseChunkEncoding = false });
        return bucket;
    }

    private static async Task AssertOnlyForeignKeysAsync(AmazonS3Client client, string bucket)
    {
        ListObjectsV2Response listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Equal(["foreign/keep-me"], (listing.S3Objects ?? []).Select(o => o.Key));
        GetObjectResponse kept = await client.GetObjectAsync(bucket, "foreign/keep-me");
        using (kept)
        {
            Assert.Equal("not ours", await new StreamReader(kept.ResponseStream).ReadToEndAsync());
        }
    }

    private Dictionary<string, string> Settings(string bucket, string op, params (string Name, string Value)[] extra)
    {
        var secret = Path.Combine(Path.GetTempPath(), $"aibench-test-secret-{Environment.ProcessId}");
        File.WriteAllText(secret, rgw.SecretKey);
        var settings = new Dictionary<string, string>
        {
            ["endpoint"] = rgw.Endpoint,
            ["access-key"] = rgw.AccessKey,
            ["secret-key-file"] = secret,
            ["bucket"] = bucket,
            ["op"] = op,
            ["duration"] = "1s",
            ["warmup"] = "0.2s",
            ["concurrency"] = "4",
            ["segment"] = "0.25s",
            ["timeout"] = "20s",
        };
        foreach ((string name, string value) in extra)
        {
            settings[name] = value;
        }

        return settings;
    }

    private static BenchmarkContext Context(Dictionary<string, string> settings) => new()
    {
        Case = Assert.Single(new StorageS3Benchmark().Parameters.Expand(settings)),
        Policy = MeasurementPolicy.Quick,
        System = ThisMachine,
    };

    private static async Task<List<Measurement>> RunAsync(Dictionary<string, string> settings) =>
        await new StorageS3Benchmark().RunAsync(Context(settings), default).ToListAsync();
}
