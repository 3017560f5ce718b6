using System.Diagnostics;
using AiBench.Benchmarks.ObjectStorage;
using Amazon.S3;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>
/// A Ceph RADOS Gateway on 127.0.0.1 started by tests/infra/rgw.sh (the same script CI and users run; it installs
/// Debian's packages with root or sudo, as run.sh does). An instance already answering in the folder is reused
/// and left running; one this process started is stopped. The S3 tests never skip: a real server is always there.
/// </summary>
public sealed class LocalRgw : IDisposable
{
    private readonly Lazy<Dictionary<string, string>> _exports;
    private bool _startedHere;

    public LocalRgw() : this(Environment.GetEnvironmentVariable("AIBENCH_RGW_DIR") ?? "/tmp/aibench-rgw", 17480)
    {
    }

    /// <summary>Nothing starts until a test asks for the gateway: skipped tests never start (or install) one.</summary>
    internal LocalRgw(string folder, int port)
    {
        Folder = folder;
        Port = port;
        _exports = new Lazy<Dictionary<string, string>>(Start);
    }

    public string Folder { get; }

    public int Port { get; }

    public string Endpoint => _exports.Value["AWS_ENDPOINT_URL"];

    public string AccessKey => _exports.Value["AWS_ACCESS_KEY_ID"];

    public string SecretKey => _exports.Value["AWS_SECRET_ACCESS_KEY"];

    public string Region => _exports.Value["AWS_REGION"];

    /// <summary>The variables a child process needs to reach this gateway through the AWS chain.</summary>
    public Dictionary<string, string?> ChildEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = Region,
        ["AWS_PROFILE"] = null,
    };

    /// <summary>The process id of the radosgw daemon (to kill it in a test).</summary>
    public int GatewayPid => int.Parse(File.ReadAllText(Path.Combine(Folder, "rgw.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public AmazonS3Client Client()
    {
        var endpoint = new S3Endpoint(new Uri(Endpoint), Region, PathStyle: true, ChecksumsWhenSupported: false);
        var file = Path.GetTempFileName();
        File.WriteAllText(file, SecretKey);
        try
        {
            return S3ClientFactory.Create(endpoint, S3Credentials.Resolve(AccessKey, file), TimeSpan.FromSeconds(30), 16);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        if (_startedHere)
        {
            Script("stop");
        }
    }

    private Dictionary<string, string> Start()
    {
        _startedHere = Script("env").ExitCode != 0;
        (int exit, string stdout, string stderr) = Script("start");
        if (exit != 0)
        {
            throw new InvalidOperationException($"tests/infra/rgw.sh start failed ({exit}): {stderr}");
        }

        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
    }

    private (int ExitCode, string Stdout, string Stderr) Script(string command)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AIBENCH_RGW_DIR"] = Folder,
            ["AIBENCH_RGW_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        ChildProcess.Result result = ChildProcess.RunWithin(
            ChildProcess.StartInfo("bash", [Path.Combine(RepoPaths.Root, "tests", "infra", "rgw.sh"), command], environment: environment),
            TimeSpan.FromMinutes(5), $"tests/infra/rgw.sh {command}");
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}

/// <summary>Tests against the local gateway run one at a time (they share it and the two CPUs with it).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RgwCollection : ICollectionFixture<LocalRgw>
{
    public const string Name = "local Ceph RGW";
}
