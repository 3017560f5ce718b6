using Amazon.S3;
using Amazon.S3.Model;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// One object as a multipart upload: initiate, parts of <c>partSize</c> with <c>partConcurrency</c> in flight, complete;
/// each request under its own timeout. Parts go UNSIGNED-PAYLOAD with <c>unsignedParts</c>, over HTTP as over HTTPS
/// (<see cref="UnsignedPayloadHandler"/>), else each is hashed with SHA-256 as the SDK does.
/// </summary>
internal sealed record MultipartUploader(IAmazonS3 Client, string Bucket, long PartSize, int PartConcurrency, bool UnsignedParts, TimeSpan Timeout)
{
    /// <summary>
    /// Uploads <paramref name="size"/> bytes under <paramref name="key"/>; <paramref name="body"/> gives the stream of a part
    /// (offset, length). <paramref name="opened"/> hears the upload id once it exists (for clean-up to abort it), and
    /// <paramref name="completed"/> once it is complete.
    /// </summary>
    public async Task RunAsync(
        string key, long size, Func<long, long, Stream> body, Action<string> opened, Action<string> completed, CancellationToken cancellationToken)
    {
        InitiateMultipartUploadResponse initiated = await WithTimeout(
            token => Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key }, token),
            cancellationToken);
        string uploadId = initiated.UploadId;
        opened(uploadId);
        int parts = (int)Math.Max(1, (size + PartSize - 1) / PartSize);
        var etags = new PartETag[parts];
        await Parallel.ForEachAsync(
            Enumerable.Range(1, parts),
            new ParallelOptions { MaxDegreeOfParallelism = PartConcurrency, CancellationToken = cancellationToken },
            async (number, token) =>
            {
                long offset = (number - 1) * PartSize;
                long length = Math.Min(PartSize, size - offset);
                using Stream part = body(offset, length);
                var request = new UploadPartRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = number,
                    InputStream = part,
                    PartSize = length,
                    UseChunkEncoding = false,
                    DisablePayloadSigning = UnsignedParts,
                };
                UploadPartResponse response = await WithTimeout(partToken => Client.UploadPartAsync(request, partToken), token);
                etags[number - 1] = new PartETag(number, response.ETag);
            });
        await WithTimeout(
            token => Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = [.. etags],
            }, token),
            cancellationToken);
        completed(uploadId);
    }

    /// <summary>One request of the upload, with the request timeout of its own.</summary>
    private Task<T> WithTimeout<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RequestTimeouts.RunAsync(Timeout, call, cancellationToken);
}
