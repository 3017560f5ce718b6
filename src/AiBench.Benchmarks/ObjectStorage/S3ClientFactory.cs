using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Builds the SDK client for an endpoint: no retries (every failed request counts), a timeout per request, bodies
/// copied to the socket in <see cref="BodyBufferBytes"/> pieces, and <see cref="UnsignedPayloadHandler"/> in its pipeline.
/// </summary>
public static class S3ClientFactory
{
    /// <summary>
    /// The SDK's buffer between a request body and the socket (its default, 8 KiB, costs one send per 8 KiB: half
    /// the client's CPU time of a 64 MiB PUT went to those calls on the 2-core dev VM).
    /// </summary>
    public const int BodyBufferBytes = 128 << 10;

    public static AmazonS3Client Create(S3Endpoint endpoint, S3Credentials credentials, TimeSpan timeout, int connections)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = endpoint.PathStyle,
            // A benchmark reports failures; the SDK's retries would hide them in the latency.
            MaxErrorRetry = 0,
            Timeout = timeout,
            MaxConnectionsPerServer = connections,
            // Each client its own connections: the SDK's shared cache would let the load and the clean-up interfere.
            CacheHttpClient = false,
            BufferSize = BodyBufferBytes,
            RequestChecksumCalculation = endpoint.ChecksumsWhenSupported
                ? RequestChecksumCalculation.WHEN_SUPPORTED : RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = endpoint.ChecksumsWhenSupported
                ? ResponseChecksumValidation.WHEN_SUPPORTED : ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (endpoint.Url is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(endpoint.Region);
        }
        else
        {
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = endpoint.Region;
            config.UseHttp = endpoint.Url.Scheme == Uri.UriSchemeHttp;
        }

        return new S3Client(credentials.Credentials, config);
    }
}
