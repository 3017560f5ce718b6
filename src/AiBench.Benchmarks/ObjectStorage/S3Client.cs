using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>The SDK's client with <see cref="UnsignedPayloadHandler"/> just before its signer.</summary>
internal sealed class S3Client(AWSCredentials credentials, AmazonS3Config config) : AmazonS3Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerBefore<Signer>(new UnsignedPayloadHandler());
    }
}
