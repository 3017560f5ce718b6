using Amazon.S3;
using Amazon.S3.Model;

namespace AiBench.Tests.ObjectStorage;

/// <summary>A bucket a test creates on the local gateway and removes at its end, with whatever is left in it (a few keys: one listing).</summary>
public sealed class TestBucket : IAsyncDisposable
{
    private readonly IAmazonS3 _client;

    private TestBucket(IAmazonS3 client, string name)
    {
        _client = client;
        Name = name;
    }

    public string Name { get; }

    public static async Task<TestBucket> CreateAsync(IAmazonS3 client)
    {
        string name = $"aibench-test-{Guid.NewGuid():N}"[..40];
        await client.PutBucketAsync(name);
        return new TestBucket(client, name);
    }

    public async Task<List<S3Object>> ListAsync()
    {
        ListObjectsV2Response listing = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name });
        return listing.S3Objects ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        ListMultipartUploadsResponse uploads = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Name });
        foreach (MultipartUpload upload in uploads.MultipartUploads ?? [])
        {
            await _client.AbortMultipartUploadAsync(Name, upload.Key, upload.UploadId);
        }

        foreach (S3Object o in await ListAsync())
        {
            await _client.DeleteObjectAsync(Name, o.Key);
        }

        await _client.DeleteBucketAsync(Name);
    }
}
