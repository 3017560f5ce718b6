using AiBench.Core.Parameters;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Where an S3 benchmark connects and as whom: the endpoint, region, addressing and checksum settings, the credentials
/// and the bucket (null: a fresh one). The same parameters for every benchmark with an S3 backend.
/// </summary>
public sealed record S3Connection(S3Endpoint Endpoint, S3Credentials Credentials, string? Bucket)
{
    public static ParameterDefinition[] Parameters() =>
    [
        new("endpoint", ParameterKind.Text, "env", "S3 endpoint URL; env = AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, AWS itself when unset")
        {
            Words = ["env"],
        },
        new("region", ParameterKind.Text, "auto", "region; auto = AWS_REGION, AWS_DEFAULT_REGION or us-east-1") { Words = ["auto"] },
        new("addressing", ParameterKind.Choice, "auto", "path or virtual-host style; auto = path for a custom endpoint")
        {
            AllowedValues = ["auto", "path", "virtual"],
        },
        new("bucket", ParameterKind.Text, "auto", "existing bucket (the run writes under a fresh prefix in it); auto = create a fresh bucket and remove it")
        {
            Words = ["auto"],
        },
        new("access-key", ParameterKind.Text, "env", "access key id; env = the AWS chain (environment, profile)") { Words = ["env"] },
        new("secret-key-file", ParameterKind.Text, "none", "file holding the secret key, with access-key") { Words = ["none"] },
        new("checksum", ParameterKind.Choice, "auto", "SDK request checksums: when-required (older S3 stores, Ceph RGW), when-supported; auto = when-supported only on AWS")
        {
            AllowedValues = ["auto", "when-required", "when-supported"],
        },
    ];

    public static S3Connection Resolve(BenchmarkCase c)
    {
        AwsSdkFiles.Check(Environment.GetEnvironmentVariable);
        S3Endpoint endpoint = S3Endpoint.Resolve(c.GetText("endpoint"), c.GetText("region"), c.GetText("addressing"), c.GetText("checksum"),
            Environment.GetEnvironmentVariable);
        string? accessKey = c.GetText("access-key") is var key && key != "env" ? key : null;
        string? secretFile = c.GetText("secret-key-file") is var file && file != "none" ? file : null;
        string? bucket = c.GetText("bucket") is var b && b != "auto" ? b : null;
        return new S3Connection(endpoint, S3Credentials.Resolve(accessKey, secretFile), bucket);
    }
}
