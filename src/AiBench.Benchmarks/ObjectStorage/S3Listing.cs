using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>Every page of ListObjectsV2 under a prefix (1000 keys a page), following continuation tokens.</summary>
public static class S3Listing
{
    /// <param name="token">a token per request (each page gets its own timeout).</param>
    public static async IAsyncEnumerable<IReadOnlyList<S3Object>> PagesAsync(
        IAmazonS3 client, string bucket, string prefix, Func<CancellationToken> token, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            ListObjectsV2Response page = await client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = continuation }, token());
            yield return page.S3Objects ?? [];
            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
            cancellationToken.ThrowIfCancellationRequested();
        }
        while (continuation is not null);
    }
}
