using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Errors;
using AiBench.Core.Parameters;
using Amazon.S3;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>The parts of storage.s3 that need no server: parsing, endpoint and credential resolution, payloads, analysis.</summary>
public class S3UnitTests
{
    [Fact]
    public void The_mix_parses_warps_default_and_picks_by_weight()
    {
        OperationMix mix = OperationMix.Parse(OperationMix.WarpDefault);
        Assert.Equal([S3Operation.Get, S3Operation.Head, S3Operation.Put, S3Operation.Delete], mix.Operations);
        Assert.Equal(S3Operation.Get, mix.Pick(0.0));
        Assert.Equal(S3Operation.Get, mix.Pick(0.449));
        Assert.Equal(S3Operation.Head, mix.Pick(0.451));
        Assert.Equal(S3Operation.Put, mix.Pick(0.80));
        Assert.Equal(S3Operation.Delete, mix.Pick(0.95));
        Assert.Equal(S3Operation.Delete, mix.Pick(0.999999));

        var random = new Random(1);
        int gets = Enumerable.Range(0, 100_000).Count(_ => mix.Pick(random.NextDouble()) == S3Operation.Get);
        Assert.InRange(gets, 44_000, 46_000);
    }

    [Theory]
    [InlineData("get=45,stat=30")]
    [InlineData("get")]
    [InlineData("get=-1")]
    [InlineData("get=1,get=2")]
    [InlineData("get=0")]
    public void A_bad_mix_is_bad_input_naming_the_parameter(string text)
    {
        var e = Assert.Throws<BadInputException>(() => OperationMix.Parse(text));
        Assert.StartsWith("parameter 'mix'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mix_is_one_value_while_op_sweeps()
    {
        IReadOnlyList<BenchmarkCase> cases = new StorageS3Benchmark().Parameters.Expand(new Dictionary<string, string>
        {
            ["op"] = "put,get,mixed",
            ["mix"] = "get=50,put=50",
        });
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c => Assert.Equal("get=50,put=50", c.GetText("mix")));
    }

    [Fact]
    public void The_endpoint_comes_from_the_standard_variables_with_path_style_and_plain_checksums_off_aws()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000", ["AWS_DEFAULT_REGION"] = "eu-west-1" };
        S3Endpoint endpoint = S3Endpoint.Resolve("env", "auto", "auto", "auto", environment.GetValueOrDefault);
        Assert.Equal(new Uri("http://127.0.0.1:9000"), endpoint.Url);
        Assert.Equal("eu-west-1", endpoint.Region);
        Assert.True(endpoint.PathStyle);
        Assert.False(endpoint.ChecksumsWhenSupported);
        Assert.False(endpoint.IsAws);

        environment["AWS_ENDPOINT_URL_S3"] = "https://s3.example.com";
        Assert.Equal("https://s3.example.com", S3Endpoint.Resolve("env", "auto", "auto", "auto", environment.GetValueOrDefault).Display);
    }

    [Fact]
    public void Without_an_endpoint_it_is_aws_with_virtual_hosts_and_checksums()
    {
        S3Endpoint endpoint = S3Endpoint.Resolve("env", "auto", "auto", "auto", _ => null);
        Assert.Null(endpoint.Url);
        Assert.True(endpoint.IsAws);
        Assert.False(endpoint.PathStyle);
        Assert.True(endpoint.ChecksumsWhenSupported);
        Assert.Equal("us-east-1", endpoint.Region);
        Assert.True(S3Endpoint.Resolve("http://minio:9000", "auto", "virtual", "when-supported", _ => null) is { PathStyle: false, ChecksumsWhenSupported: true });
    }

    [Theory]
    [InlineData("ftp://host/")]
    [InlineData("not a url")]
    [InlineData("http://user:pass@host:9000")]
    [InlineData("s3://AKIA:pass@host")]
    public void A_bad_endpoint_is_bad_input_and_never_echoes_credentials(string url)
    {
        var e = Assert.Throws<BadInputException>(() => S3Endpoint.Resolve(url, "auto", "auto", "auto", _ => null));
        Assert.DoesNotContain("pass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_from_a_file_never_show_the_secret()
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, "TopSecretValue123\nsecond line ignored\n");
        try
        {
            S3Credentials credentials = S3Credentials.Resolve("AKIDEXAMPLE", file);
            Assert.Equal("TopSecretValue123", credentials.Credentials.GetCredentials().SecretKey);
            Assert.DoesNotContain("TopSecret", credentials.ToString(), StringComparison.Ordinal);
            Assert.Equal("AKIDEXAMPLE", credentials.AccessKeyId);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Half_given_or_unreadable_credentials_are_bad_input()
    {
        Assert.Throws<BadInputException>(() => S3Credentials.Resolve("AKID", null));
        Assert.Throws<BadInputException>(() => S3Credentials.Resolve(null, "/etc/hostname"));
        Assert.Contains("cannot read", Assert.Throws<BadInputException>(() => S3Credentials.Resolve("AKID", "/nonexistent/secret")).Message, StringComparison.Ordinal);
        string empty = Path.GetTempFileName();
        Assert.Contains("empty", Assert.Throws<BadInputException>(() => S3Credentials.Resolve("AKID", empty)).Message, StringComparison.Ordinal);
        File.Delete(empty);
    }

    [Fact]
    public async Task A_secret_key_file_that_is_a_fifo_or_a_device_is_refused_it_blocked_or_read_forever()
    {
        string fifo = Path.Combine(Directory.CreateTempSubdirectory("aibench-secret").FullName, "secret");
        ChildProcess.Tool("mkfifo", fifo);

        try
        {
            foreach (string path in new[] { fifo, "/dev/zero", Path.GetDirectoryName(fifo)! })
            {
                // WaitAsync throws TimeoutException where the read still blocks.
                BadInputException refused = await Task.Run(() => Assert.Throws<BadInputException>(() => S3Credentials.Resolve("AKID", path)))
                    .WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Contains("secret-key-file", refused.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Theory]
    [InlineData("AWS_CONFIG_FILE", "/dev/zero")]
    [InlineData("AWS_SHARED_CREDENTIALS_FILE", "fifo")]
    [InlineData("AWS_WEB_IDENTITY_TOKEN_FILE", "/tmp")]
    public void Files_the_AWS_SDK_reads_itself_must_be_regular_it_blocked_or_read_forever(string variable, string given)
    {
        string folder = Directory.CreateTempSubdirectory("aibench-aws").FullName;
        string path = given == "fifo" ? Path.Combine(folder, "fifo") : given;
        if (given == "fifo")
        {
            ChildProcess.Tool("mkfifo", path);
        }

        string message = Assert.Throws<BadInputException>(() => AwsSdkFiles.Check(name => name == variable ? path : null)).Message;
        Assert.Contains(variable, message, StringComparison.Ordinal);
        string regular = Path.Combine(folder, "config");
        File.WriteAllText(regular, "[default]\n");
        AwsSdkFiles.Check(name => name == variable ? regular : null);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Payloads_are_stable_per_object_share_no_block_between_objects_and_slice_consistently()
    {
        var a = new ObjectPayload(1 << 20, seed: 5);
        var b = new ObjectPayload(1 << 20, seed: 5);
        Assert.Equal(a.Content(7, 0, 1 << 20), b.Content(7, 0, 1 << 20));
        Assert.Equal(a.Content(7, 1000, 501), a.Content(7, 0, 1501)[1000..]); // any start phase of the key

        // Objects whose offsets coincide (ids 1021 apart) or differ still share no 4 KiB block: no deduplication.
        foreach (long other in new long[] { 8, 7 + 1021, 7 + 2 * 1021 })
        {
            byte[] x = a.Content(7, 0, 64 << 10), y = a.Content(other, 0, 64 << 10);
            var blocks = Enumerable.Range(0, 16).Select(i => Convert.ToHexString(x, i * 4096, 4096)).ToHashSet();
            Assert.DoesNotContain(Enumerable.Range(0, 16).Select(i => Convert.ToHexString(y, i * 4096, 4096)), blocks.Contains);
        }

        using Stream stream = a.Stream(7, 100, 300);
        Assert.Equal(300, stream.Length);
        Assert.False(stream.CanWrite);
        var read = new MemoryStream();
        stream.CopyTo(read);
        Assert.Equal(a.Content(7, 100, 300), read.ToArray());
        stream.Position = 0; // the SDK hashes the body, then seeks back and sends it
        var again = new MemoryStream();
        stream.CopyTo(again);
        Assert.Equal(read.ToArray(), again.ToArray());
    }

    [Fact]
    public void Log2_sizes_stay_between_a_thousandth_and_the_size_and_spread_over_the_decades()
    {
        var workload = new S3Workload { ObjectSize = 1 << 20, RandomSizes = true, Timeout = TimeSpan.FromSeconds(1) };
        long[] sizes = Enumerable.Range(0, 2000).Select(i => workload.SizeOf(i)).ToArray();
        Assert.All(sizes, s => Assert.InRange(s, 1024, 1 << 20));
        Assert.Equal(sizes, Enumerable.Range(0, 2000).Select(i => workload.SizeOf(i)));
        Assert.InRange(sizes.Count(s => s < 32 << 10), 700, 1300); // log-uniform: half the draws below the geometric middle
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(1 << 20, (workload with { RandomSizes = false }).SizeOf(i)));
    }

    [Fact]
    public void The_object_set_never_hands_one_object_to_two_operations()
    {
        var set = new ObjectSet();
        for (int i = 0; i < 3; i++)
        {
            set.Add(new StoredObject(set.NewId(), 10));
        }

        var random = new Random(3);
        Assert.True(set.TryTake(random, out StoredObject first));
        Assert.True(set.TryTake(random, out StoredObject second));
        Assert.True(set.TryTake(random, out StoredObject third));
        Assert.False(set.TryTake(random, out _));
        Assert.Equal(3, new[] { first.Id, second.Id, third.Id }.Distinct().Count());
        Assert.Equal(3, set.Count);
        set.Drop();
        set.Return(second);
        Assert.Equal(2, set.Count);
        Assert.True(set.TryTake(random, out StoredObject again));
        Assert.Equal(second, again);
    }

    [Fact]
    public void Segments_count_each_request_exactly_and_split_straddling_ones()
    {
        long f = Stopwatch.Frequency;
        var records = new List<RequestRecord>
        {
            new(S3Operation.Get, 0, f / 2, 0, 100, RequestError.None),              // all in segment 0
            new(S3Operation.Get, f / 2, f * 3 / 2, 0, 1000, RequestError.None),     // half in 0, half in 1
            new(S3Operation.Get, f * 3 / 2, 2 * f, 0, 10, RequestError.None),       // all in segment 1
            new(S3Operation.Get, 2 * f - f / 4, 2 * f + f / 4, 0, 400, RequestError.None), // half inside the window
        };
        SegmentAnalysis a = SegmentAnalysis.Analyze(records, 0, 2 * f, TimeSpan.FromSeconds(1));
        Assert.Equal(1.0, a.SegmentSeconds, 9);
        Assert.Equal([600.0, 710.0], a.BytesPerSecond.Select(v => Math.Round(v, 6)));
        Assert.Equal((100 + 1000 + 10 + 200) / 2.0, a.AverageBytesPerSecond, 6);
        Assert.Equal([1.5, 2.0], a.OperationsPerSecond.Select(v => Math.Round(v, 6)));

        // A window shorter than two segments is one segment.
        SegmentAnalysis single = SegmentAnalysis.Analyze(records.Take(1).ToList(), 0, f, TimeSpan.FromSeconds(5));
        Assert.Single(single.BytesPerSecond);
        Assert.Equal(100, single.BytesPerSecond[0], 6);
    }

    [Fact]
    public void Requests_straddling_the_warm_up_count_for_their_part_inside_the_window_but_not_for_latency()
    {
        long f = Stopwatch.Frequency;
        var records = new List<RequestRecord>
        {
            new(S3Operation.Get, 0, f, 0, 1000, RequestError.None),            // warm-up half, window half
            new(S3Operation.Get, f, 2 * f, f + 1, 1000, RequestError.None),    // inside
            new(S3Operation.Get, f, f + 10, 0, 0, RequestError.Timeout),       // a failure inside
        };
        var result = new S3LoadResult(records, f / 2, 2 * f, S3StopReason.Duration, null);
        var context = new AiBench.Core.Benchmarks.BenchmarkContext
        {
            Case = Assert.Single(new StorageS3Benchmark().Parameters.Expand(new Dictionary<string, string> { ["op"] = "get" })),
            Policy = AiBench.Core.Measuring.MeasurementPolicy.Quick,
            System = AiBench.Core.Hosts.SystemInfoCollector.Collect(),
        };
        List<AiBench.Core.Results.Measurement> figures = S3Measurements.Build(
            "storage.s3", context, result, [S3Operation.Get], TimeSpan.FromSeconds(10), new Dictionary<string, string>());
        var throughput = figures.Single(m => m.Metric == "throughput");
        Assert.Equal((500 + 1000) / 1.5, throughput.Samples.Single(), 6);
        Assert.Single(figures.Single(m => m.Metric == "latency" && m.Labels["percentile"] == "p50").Samples);
        var errors = figures.Single(m => m.Metric == "errors");
        Assert.Equal(1, errors.Samples.Single());
        Assert.Equal("1", errors.Info!["errors.timeout"]);
    }

    [Fact]
    public void Live_segments_spread_large_objects_and_wait_until_no_request_in_flight_can_change_them()
    {
        long f = Stopwatch.Frequency;
        var live = new LiveSegments(windowStart: 0, segmentTicks: f, byBytes: true);

        // Two-second requests finishing every second: completions alone would read 0, 2000, 0, 2000 bytes/s.
        for (int i = 0; i < 8; i++)
        {
            live.Add(new RequestRecord(S3Operation.Get, i * f, (i + 2) * f, 0, 2000, RequestError.None));
        }

        live.Drain();
        IReadOnlyList<double> final = live.Final(10 * f);
        Assert.Equal(7, final.Count); // segments 0..6: older than the longest request (2 s) plus one segment
        Assert.Equal(1000, final[0], 6); // the first segment has only half of the first request
        Assert.All(final.Skip(1), v => Assert.Equal(2000, v, 6));
        Assert.Empty(live.Final(3 * f - 1));
    }

    [Fact]
    public void Settling_needs_a_full_window_of_segments_near_their_median()
    {
        Assert.False(S3LoadGenerator.HasSettled([100, 101, 99], 4, 0.075));
        Assert.True(S3LoadGenerator.HasSettled([10, 500, 100, 101, 99, 103], 4, 0.075));
        Assert.False(S3LoadGenerator.HasSettled([100, 101, 99, 120], 4, 0.075));
        Assert.False(S3LoadGenerator.HasSettled([0, 0, 0, 0], 4, 0.075));
    }

    [Fact]
    public void Latency_percentiles_come_from_the_histogram_within_a_tenth_of_a_percent()
    {
        var latencies = new RequestLatencies();
        double tick = 1.0 / Stopwatch.Frequency;
        for (int i = 1; i <= 1000; i++)
        {
            latencies.Record((long)(i * 1e-3 / tick)); // 1 ms .. 1000 ms
        }

        Assert.Equal(1000, latencies.Count);
        Assert.Equal(1000, latencies.Seconds.Count);
        Assert.Equal(0.500, latencies.At(50), 0.0005);
        Assert.Equal(0.990, latencies.At(99), 0.001);
        Assert.Equal(1.000, latencies.Max, 0.001);
    }

    [Fact]
    public void Failures_are_sorted_into_the_kinds_users_count()
    {
        Assert.Equal(RequestError.Timeout, S3Failure.Classify(new InvalidOperationException("x"), timedOut: true));
        Assert.Equal(RequestError.Checksum, S3Failure.Classify(new DataMismatchException("bytes differ"), false));
        Assert.Equal(RequestError.ClientError, S3Failure.Classify(new AmazonS3Exception("no") { StatusCode = HttpStatusCode.Forbidden }, false));
        Assert.Equal(RequestError.ServerError, S3Failure.Classify(new AmazonS3Exception("down") { StatusCode = HttpStatusCode.ServiceUnavailable }, false));
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
        Assert.Equal(RequestError.Connection, S3Failure.Classify(refused, false));
        Assert.Equal("connection refused", S3Failure.Describe(refused, false, TimeSpan.FromSeconds(1)));
        Assert.Equal("no answer within 2.5 s", S3Failure.Describe(new TaskCanceledException(), false, TimeSpan.FromSeconds(2.5)));
        Assert.Equal("HTTP 403 AccessDenied", S3Failure.Describe(new AmazonS3Exception("no") { StatusCode = HttpStatusCode.Forbidden, ErrorCode = "AccessDenied" }, false, TimeSpan.FromSeconds(1)));
    }
}
