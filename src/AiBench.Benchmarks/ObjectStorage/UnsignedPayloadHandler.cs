using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3.Model;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Sends a streamed body that cannot seek as it is, with the signature's payload hash <c>UNSIGNED-PAYLOAD</c>, over
/// plain HTTP as over HTTPS. The SDK allows <c>DisablePayloadSigning</c> over HTTPS only, and for a body that cannot
/// seek it switches to aws-chunked encoding, which signs every chunk (SHA-256 of every byte again). Placed before the
/// signer, this handler turns chunked encoding off for such a body; the signer then finds no seekable stream to hash
/// and signs UNSIGNED-PAYLOAD (AWS4Signer.SetRequestBodyHash: ComputeContentStreamHash returns null). The signature
/// still covers the method, path and headers; S3 and Ceph RGW accept UNSIGNED-PAYLOAD over HTTP.
/// An upload part asked to go unsigned (<c>DisablePayloadSigning</c>) has a body that must seek while the SDK
/// prepares it; here it is put behind a <see cref="ForwardOnlyStream"/> and the flag cleared (the signer refuses the
/// flag over plain HTTP), so a part is sent unsigned on either scheme, as a PUT is.
/// Any other seekable body (payload-signing=sha256) passes untouched and is hashed as the SDK always does.
/// </summary>
internal sealed class UnsignedPayloadHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        Prepare(executionContext.RequestContext.Request);
        base.InvokeSync(executionContext);
    }

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        Prepare(executionContext.RequestContext.Request);
        return base.InvokeAsync<T>(executionContext);
    }

    private static void Prepare(IRequest request)
    {
        if (request.OriginalRequest is UploadPartRequest { DisablePayloadSigning: true } && request.ContentStream is { CanSeek: true } part)
        {
            request.ContentStream = new ForwardOnlyStream(part);
            request.DisablePayloadSigning = null;
        }

        if (request.ContentStream is { CanSeek: false })
        {
            request.UseChunkEncoding = false;
        }
    }
}
