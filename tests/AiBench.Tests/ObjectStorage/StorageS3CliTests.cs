using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AiBench.Tests.EndToEnd;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>The real CLI on storage.s3 against the local Ceph RGW: results, secrets, and every failure the issue names.</summary>
[Collection(RgwCollection.Name)]
public class StorageS3CliTests(LocalRgw rgw)
{
    private static readonly string[] Short =
        ["--set", "duration=1s", "--set", "warmup=0.2s", "--set", "size=256KiB", "--set", "concurrency=4", "--set", "objects=16"];

    [Fact]
    public void A_run_with_a_secret_key_file_writes_valid_results_and_charts_and_never_the_secret()
    {
        string work = Work();
        string secretFile = Path.Combine(work, "secret");
        File.WriteAllText(secretFile, rgw.SecretKey + "\n");
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_PROFILE"] = null };
        CliProcess.Result result = CliProcess.Run(work, environment,
        [
            "run", "storage.s3", "--out", "results", "--set", $"endpoint={rgw.Endpoint}", "--set", $"access-key={rgw.AccessKey}",
            "--set", $"secret-key-file={secretFile}", "--set", "op=put,get", "--set", "segment=0.25s", .. Short,
        ]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        string runDir = Assert.Single(Directory.GetDirectories(Path.Combine(work, "results")));
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")))!;
        RunJson.AssertValid(run);
        JsonArray measurements = run["measurements"]!.AsArray();
        Assert.Contains(measurements, m => (string?)m!["metric"] == "throughput" && (string?)m["labels"]!["operation"] == "get");
        Assert.Contains(measurements, m => (string?)m!["metric"] == "ttfb" && (string?)m["labels"]!["percentile"] == "p99");
        // One chart per metric family (throughput shares its unit with the per-segment throughput), and the timeline.
        string charts = Path.Combine(runDir, "charts");
        foreach (string chart in new[] { "storage.s3.throughput*.svg", "storage.s3.latency*.svg", "storage.s3.segment-throughput.timeline.svg" })
        {
            Assert.True(Directory.GetFiles(charts, chart).Length > 0, $"{chart} missing: {string.Join(", ", Directory.GetFiles(charts).Select(Path.GetFileName))}");
        }

        AssertSecretAbsent(rgw.SecretKey, result, work);
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void Wrong_credentials_fail_clearly_with_exit_3_and_the_secret_appears_nowhere()
    {
        string work = Work();
        string wrongSecret = "WrongSecret" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string?>(rgw.ChildEnvironment()) { ["AWS_SECRET_ACCESS_KEY"] = wrongSecret };
        CliProcess.Result result = CliProcess.Run(work, environment, ["run", "storage.s3", "--out", "results", .. Short]);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("refused the credentials", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("SignatureDoesNotMatch", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        AssertSecretAbsent(wrongSecret, result, work);
        AssertSecretAbsent(rgw.SecretKey, result, work);
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void A_missing_bucket_is_bad_input_exit_2()
    {
        string work = Work();
        CliProcess.Result result = CliProcess.Run(work, rgw.ChildEnvironment(),
            ["run", "storage.s3", "--out", "results", "--set", "bucket=aibench-no-such-bucket", "--set", "op=put", .. Short]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'aibench-no-such-bucket' does not exist", result.Stderr, StringComparison.Ordinal);
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void An_unreachable_endpoint_is_exit_3_with_one_clear_line()
    {
        string work = Work();
        var environment = new Dictionary<string, string?>(rgw.ChildEnvironment()) { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1" };
        CliProcess.Result result = CliProcess.Run(work, environment, ["run", "storage.s3", "--out", "results", "--set", "op=put", .. Short]);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot reach the S3 endpoint http://127.0.0.1:1: connection refused", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_ends_within_the_timeout()
    {
        // Accepts connections and reads nothing, answers nothing: a hung server.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<TcpClient>();
        using var stopAccepting = new CancellationTokenSource();
        Task accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await listener.AcceptTcpClientAsync(stopAccepting.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        string work = Work();
        var environment = new Dictionary<string, string?>(rgw.ChildEnvironment())
        {
            ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}",
        };
        var clock = Stopwatch.StartNew();
        CliProcess.Result result = CliProcess.Run(work, environment, ["run", "storage.s3", "--out", "results", "--set", "op=put", "--set", "timeout=1s", .. Short]);
        clock.Stop();
        await stopAccepting.CancelAsync();
        await accepting;
        held.ForEach(c => c.Dispose());
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no answer within 1 s", result.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task Killing_the_gateway_mid_run_ends_the_run_within_its_timeout_with_partial_results()
    {
        // A gateway of its own, so the others' tests keep theirs.
        using var doomed = new LocalRgw(Path.Combine(Path.GetTempPath(), $"aibench-rgw-kill-{Environment.ProcessId}"), 17580);
        _ = doomed.Endpoint; // started now, before the clock
        string work = Work();
        var clock = Stopwatch.StartNew();
        Task<CliProcess.Result> running = Task.Run(() => CliProcess.Run(work, doomed.ChildEnvironment(),
        [
            "run", "storage.s3", "--out", "results", "--set", "op=get", "--set", "size=256KiB", "--set", "concurrency=4", "--set", "objects=16",
            "--set", "duration=60s", "--set", "warmup=0s", "--set", "timeout=3s",
        ]));
        string? runDir = null;
        while (runDir is null && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            runDir = Directory.Exists(Path.Combine(work, "results")) ? "started" : null;
        }

        await Task.Delay(TimeSpan.FromSeconds(5)); // the load is running by now (the objects are written in well under a second)
        TimeSpan killedAt = clock.Elapsed;
        Process.GetProcessById(doomed.GatewayPid).Kill();
        CliProcess.Result result = await running;
        TimeSpan afterKill = clock.Elapsed - killedAt;
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("stopped answering", result.Stderr, StringComparison.Ordinal);
        Assert.True(afterKill < TimeSpan.FromSeconds(20), $"ended {afterKill} after the kill");
        JsonNode run = JsonNode.Parse(File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(work, "results"))), "run.json")))!;
        Assert.Equal("partial", (string?)run["status"]);
        JsonNode throughput = run["measurements"]!.AsArray().First(m => (string?)m!["metric"] == "throughput")!;
        Assert.Equal("EndpointFailed", (string?)throughput["info"]!["stopReason"]);
        Assert.True((double)throughput["samples"]!.AsArray()[0]! > 0);
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void Without_credentials_anywhere_the_run_says_where_to_put_them()
    {
        string work = Work();
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_PROFILE"] = null, ["AWS_SESSION_TOKEN"] = null,
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1", ["HOME"] = work, ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(work, "none"),
            ["AWS_CONFIG_FILE"] = Path.Combine(work, "none"), ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        CliProcess.Result result = CliProcess.Run(work, environment, ["run", "storage.s3", "--out", "results", "--set", "op=put", .. Short]);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no S3 credentials found", result.Stderr, StringComparison.Ordinal);
        Directory.Delete(work, recursive: true);
    }

    private static string Work() => Directory.CreateTempSubdirectory("aibench-s3-e2e").FullName;

    private static void AssertSecretAbsent(string secret, CliProcess.Result result, string folder)
    {
        Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Stderr, StringComparison.Ordinal);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(folder, "results"), "*", SearchOption.AllDirectories))
        {
            Assert.False(File.ReadAllText(file).Contains(secret, StringComparison.Ordinal), $"{file} holds the secret");
        }
    }
}
