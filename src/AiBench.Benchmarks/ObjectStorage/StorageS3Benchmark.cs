using System.Globalization;
using System.Runtime.CompilerServices;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;
using Amazon.S3;
using Microsoft.Extensions.Logging;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// S3 object storage through the AWS SDK for .NET, by MinIO warp's method: a closed loop of concurrent requests
/// for a duration (or a count, or until throughput settles), the warm-up left out, every request timed, figures
/// per operation and per time segment. Each case works under a fresh prefix (or in a fresh bucket), fills it
/// first when the operation reads, and deletes everything it wrote at the end, after errors and Ctrl-C too.
/// </summary>
public sealed class StorageS3Benchmark : IBenchmark
{
    public string Id => "storage.s3";

    public string Title => "S3 object storage (AWS SDK)";

    public ParameterSchema Parameters { get; } = new(
    [
        new ParameterDefinition("op", ParameterKind.Choice, "put,get", "operation: put, get, multipart-put, multipart-get, head, list, delete, or mixed (see mix)")
        {
            AllowedValues = ["put", "get", "multipart-put", "multipart-get", "head", "list", "delete", "mixed"],
        },
        .. S3Connection.Parameters(),
        new ParameterDefinition("payload-signing", ParameterKind.Choice, "unsigned", "PUT and part bodies: unsigned (SigV4 UNSIGNED-PAYLOAD, over HTTP too) or sha256 (the SDK hashes every byte first)")
        {
            AllowedValues = ["unsigned", "sha256"],
        },
        new ParameterDefinition("size", ParameterKind.Size, "auto", "object size (largest size with size-distribution=log2); auto = 16 MiB, 1 KiB for head, list and delete")
        {
            Unit = "B",
            Words = ["auto"],
            Minimum = 1,
            Maximum = 1L << 30,
        },
        new ParameterDefinition("size-distribution", ParameterKind.Choice, "fixed", "fixed, or log2: sizes log2-uniform from size/1024 to size (warp's obj.randsize)")
        {
            AllowedValues = ["fixed", "log2"],
        },
        new ParameterDefinition("objects", ParameterKind.Integer, "auto", "objects written first for get, head, list, delete and mixed; auto = warp's working set for get and mixed (2500 x 10 MiB = 24.4 GiB in all, at most 25000 objects), for head 2500 up to 1 GiB, 1000 for list and delete; at least 16 and 2 per worker")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 10_000_000,
        },
        new ParameterDefinition("concurrency", ParameterKind.Integer, "8", "requests in flight (workers)") { Minimum = 1, Maximum = 4096 },
        new ParameterDefinition("duration", ParameterKind.Duration, "10s", "longest measured time, after the warm-up") { Unit = "s", Minimum = 0.05, Maximum = 86400 },
        new ParameterDefinition("warmup", ParameterKind.Duration, "2s", "time run first and left out of every figure") { Unit = "s", Minimum = 0, Maximum = 3600 },
        new ParameterDefinition("ops", ParameterKind.Integer, "none", "stop after this many measured operations; none = duration only") { Words = ["none"], Minimum = 1 },
        new ParameterDefinition("range", ParameterKind.Size, "none", "bytes per ranged GET at a random offset; none = whole objects") { Unit = "B", Words = ["none"], Minimum = 1 },
        new ParameterDefinition("part-size", ParameterKind.Size, "8MiB", "multipart part size, for uploads and ranged multipart-get reads (S3 needs at least 5 MiB but for the last part)") { Unit = "B", Minimum = 5 << 20, Maximum = 5L << 30 },
        new ParameterDefinition("part-concurrency", ParameterKind.Integer, "4", "parts of one multipart upload or multipart-get in flight together") { Minimum = 1, Maximum = 256 },
        new ParameterDefinition("mix", ParameterKind.Text, OperationMix.WarpDefault, "op=mixed: operations and weights (warp's default); one value, not a sweep")
        {
            IsSweepable = false,
        },
        new ParameterDefinition("segment", ParameterKind.Duration, "1s", "analysis segment: throughput per segment gives fastest, median, slowest") { Unit = "s", Minimum = 0.05, Maximum = 3600 },
        new ParameterDefinition("autoterm", ParameterKind.Boolean, "false", "stop once throughput has settled (warp's autoterm), never later than duration"),
        new ParameterDefinition("autoterm-window", ParameterKind.Duration, "10s", "settled: every segment of this last stretch within autoterm-tolerance of their median") { Unit = "s", Minimum = 0.1, Maximum = 3600 },
        new ParameterDefinition("autoterm-tolerance", ParameterKind.Number, "7.5", "settled: allowed distance from the median, percent") { Unit = "%", Minimum = 0.1, Maximum = 100 },
        new ParameterDefinition("timeout", ParameterKind.Duration, "30s", "longest wait for one request") { Unit = "s", Minimum = 0.05, Maximum = 3600 },
        new ParameterDefinition("max-errors", ParameterKind.Integer, "16", "failed requests in a row that end the run as an endpoint failure") { Minimum = 1, Maximum = 1_000_000 },
    ]);

    public Availability Probe(SystemInfo system) => Availability.Ready;

    public async IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (List<Measurement> measurements, Exception? failure) = await ExecuteAsync(context, cancellationToken);
        foreach (Measurement m in measurements)
        {
            yield return m;
        }

        if (failure is not null)
        {
            // Partial figures first (they are already recorded), then the reason the case ended early.
            throw failure;
        }
    }

    private async Task<(List<Measurement>, Exception?)> ExecuteAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        BenchmarkCase c = context.Case;
        // The case's own parameters first: a bad mix is bad input (exit 2) even where no credentials are found (exit 3).
        string op = c.GetText("op");
        OperationMix mix = op == "mixed" ? OperationMix.Parse(c.GetText("mix"))
            : OperationMix.Single(S3OperationNames.TryParse(op, out S3Operation single) ? single : throw new BadInputException($"parameter 'op': unknown '{op}'"));
        S3Connection connection = S3Connection.Resolve(c);
        (S3Endpoint endpoint, S3Credentials credentials) = (connection.Endpoint, connection.Credentials);
        int concurrency = c.GetInt32("concurrency");
        TimeSpan timeout = TimeSpan.FromSeconds(c.GetDouble("timeout"));
        S3Workload workload = Workload(c, mix, timeout);
        long objectCount = c.GetOptionalInt64("objects") ?? S3WorkingSet.DefaultObjects(mix, workload.ObjectSize, concurrency);
        long workingSetBytes = S3WorkingSet.Bytes(workload, objectCount);
        string? cacheWarning = S3WorkingSet.CacheWarning(mix, objectCount, workingSetBytes);
        int partConnections = mix.Operations.Any(o => o.IsMultipart()) ? workload.PartConcurrency : 1;

        using AmazonS3Client client = S3ClientFactory.Create(endpoint, credentials, timeout, concurrency * partConnections + 2);
        string? bucketName = connection.Bucket;
        context.Report($"{op}: preparing a fresh {(bucketName is null ? "bucket" : "prefix")} at {endpoint.Display}");
        S3Scratch scratch = await S3Scratch.CreateAsync(client, bucketName, endpoint, timeout, cancellationToken);
        var payload = new ObjectPayload(workload.ObjectSize, seed: 20261126);
        var requests = new S3Requests(client, scratch.Bucket, scratch.Prefix, payload, workload, System.Diagnostics.Stopwatch.GetTimestamp());
        var objects = new ObjectSet();
        var measurements = new List<Measurement>();
        Exception? failure = null;
        string? cleanup = null;
        bool cleanedUp = false;
        try
        {
            if (mix.Operations.Any(o => o.NeedsObjects()))
            {
                if (cacheWarning is not null)
                {
                    context.Report($"{op}: {cacheWarning}");
                }

                await S3Prefill.RunAsync(requests, objects, objectCount, concurrency, endpoint, context, cancellationToken);
            }

            var options = new S3LoadOptions
            {
                Mix = mix,
                Concurrency = concurrency,
                Warmup = TimeSpan.FromSeconds(c.GetDouble("warmup")),
                Duration = TimeSpan.FromSeconds(c.GetDouble("duration")),
                OperationLimit = c.GetOptionalInt64("ops"),
                Segment = TimeSpan.FromSeconds(c.GetDouble("segment")),
                AutoTerminate = c.GetBoolean("autoterm")
                    ? new Settling(TimeSpan.FromSeconds(c.GetDouble("autoterm-window")), c.GetDouble("autoterm-tolerance") / 100)
                    : null,
                MaxConsecutiveErrors = c.GetInt32("max-errors"),
                ExpectedListKeys = mix.Operations.Any(o => o is S3Operation.Put or S3Operation.MultipartPut or S3Operation.Delete) ? -1 : objects.Count,
            };
            context.Report($"{op}: {concurrency} in flight for up to {options.Duration.TotalSeconds:0.##} s after {options.Warmup.TotalSeconds:0.##} s warm-up");
            S3LoadResult result;
            using (var load = new S3LoadGenerator(requests, objects, options, context.Progress))
            {
                result = await load.RunAsync(cancellationToken);
            }

            context.Report($"{op}: cleaning up");
            cleanup = await CleanUpAsync();
            cleanedUp = true;
            Dictionary<string, string> info = Info(endpoint, credentials, scratch, workload, c, objectCount, concurrency, cleanup);
            if (mix.Operations.Any(o => o.NeedsObjects()))
            {
                info[InfoKeys.WorkingSetBytes] = Text(workingSetBytes);
            }

            if (cacheWarning is not null)
            {
                info["cacheWarning"] = cacheWarning;
            }

            IReadOnlyDictionary<string, ParameterValue>? resolved = c.Resolve(
                ("size", ParameterValue.Of(workload.ObjectSize)),
                ("objects", ParameterValue.Of(objectCount)),
                ("checksum", ParameterValue.Of(endpoint.ChecksumsWhenSupported ? "when-supported" : "when-required")));
            measurements = S3Measurements.Build(Id, context, result, mix.Operations, options.Segment, info)
                .Select(m => m with { Resolved = resolved }).ToList();
            failure = result.StopReason switch
            {
                S3StopReason.Cancelled => new OperationCanceledException(cancellationToken),
                S3StopReason.EndpointFailed => new CouldNotRunException($"{endpoint.Display} stopped answering: {result.Failure}"),
                S3StopReason.NoObjectsLeft when result.WindowSeconds <= 0 => new BadInputException(
                    $"{op}: all {objectCount} objects were used up during the warm-up; give more objects or a shorter warm-up"),
                _ when result.WindowSeconds <= 0 => new CouldNotRunException($"{op}: the load ended before the warm-up did; nothing was measured"),
                _ => null,
            };
        }
        finally
        {
            // After a failure above (the prefill, Ctrl-C, an exception) the clean-up has not run yet.
            if (!cleanedUp)
            {
                cleanup = await CleanUpAsync();
            }

            if (cleanup is not null)
            {
                context.Logger.LogWarning("storage.s3: {Cleanup}", cleanup);
                context.Report($"{op}: {cleanup}");
            }
        }

        return (measurements, failure);

        // A client of its own: requests cancelled by Ctrl-C can leave the load's connections unusable for a while.
        async Task<string?> CleanUpAsync()
        {
            using AmazonS3Client cleaner = S3ClientFactory.Create(endpoint, credentials, timeout, 4);
            return await scratch.CleanUpAsync(cleaner, requests.OpenUploads, timeout, CleanupBudget(timeout));
        }
    }

    /// <summary>Enough for thousands of keys, and bounded even after Ctrl-C (which the clean-up does not obey).</summary>
    private static TimeSpan CleanupBudget(TimeSpan timeout) => TimeSpan.FromSeconds(Math.Clamp(4 * timeout.TotalSeconds, 60, 300));

    private static S3Workload Workload(BenchmarkCase c, OperationMix mix, TimeSpan timeout)
    {
        bool metadataOnly = mix.Operations.All(o => o is S3Operation.Head or S3Operation.List or S3Operation.Delete);
        long size = c.GetOptionalInt64("size") ?? (metadataOnly ? 1024 : 16L << 20);
        bool unsigned = c.GetText("payload-signing") == "unsigned";
        return new S3Workload
        {
            ObjectSize = size,
            RandomSizes = c.GetText("size-distribution") == "log2",
            RangeBytes = c.GetOptionalInt64("range"),
            PartSize = c.GetInt64("part-size"),
            PartConcurrency = c.GetInt32("part-concurrency"),
            Timeout = timeout,
            UnsignedPayload = unsigned,
        };
    }

    private static Dictionary<string, string> Info(S3Endpoint endpoint, S3Credentials credentials, S3Scratch scratch, S3Workload workload,
        BenchmarkCase c, long objectCount, int concurrency, string? cleanup)
    {
        var info = new Dictionary<string, string>
        {
            ["endpoint"] = endpoint.Display,
            ["region"] = endpoint.Region,
            ["addressing"] = endpoint.PathStyle ? "path" : "virtual",
            ["checksums"] = endpoint.ChecksumsWhenSupported ? "when-supported" : "when-required",
            ["credentials"] = credentials.Source,
            ["bucket"] = scratch.OwnsBucket ? "fresh bucket" : scratch.Bucket,
            ["prefix"] = scratch.Prefix,
            ["objectSize"] = Text(workload.ObjectSize),
            ["sizeDistribution"] = workload.RandomSizes ? "log2" : "fixed",
            ["objects"] = Text(objectCount),
            ["concurrency"] = Text(concurrency),
            ["timeoutSeconds"] = Text(workload.Timeout.TotalSeconds),
            ["payloadSigning"] = workload.UnsignedPayload ? "UNSIGNED-PAYLOAD" : "SHA-256",
            ["cleanup"] = cleanup ?? "complete",
            ["sdk"] = typeof(AmazonS3Client).Assembly.GetName().Version?.ToString() ?? "unknown",
        };
        if (workload.RangeBytes is long range)
        {
            info["rangeBytes"] = Text(range);
        }

        if (c.GetText("op") is "multipart-put" or "multipart-get")
        {
            info["partSize"] = Text(workload.PartSize);
            info["partConcurrency"] = Text(workload.PartConcurrency);
        }

        return info;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
