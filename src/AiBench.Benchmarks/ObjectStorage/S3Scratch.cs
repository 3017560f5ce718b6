using Amazon.S3;
using Amazon.S3.Model;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The only place a case writes: a fresh prefix <c>aibench-TAG/</c> in the user's bucket, or in a fresh bucket
/// <c>aibench-TAG</c> it creates. <see cref="CleanUpAsync"/> deletes every key under the prefix, aborts the
/// incomplete multipart uploads there and removes a bucket it created; it never touches another key.
/// </summary>
public sealed class S3Scratch
{
    private S3Scratch(string bucket, string prefix, bool ownsBucket)
    {
        Bucket = bucket;
        Prefix = prefix;
        OwnsBucket = ownsBucket;
    }

    public string Bucket { get; }

    public string Prefix { get; }

    public bool OwnsBucket { get; }

    /// <summary>Creates the bucket (<paramref name="bucket"/> = null) or checks the named one, and picks an unused prefix.</summary>
    public static async Task<S3Scratch> CreateAsync(IAmazonS3 client, string? bucket, S3Endpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeouts = new RequestTimeouts(timeout, cancellationToken);
        string tag = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        string prefix = $"aibench-{tag}/";
        if (bucket is null)
        {
            string name = $"aibench-{tag}";
            var create = new PutBucketRequest { BucketName = name };
            if (endpoint.IsAws && endpoint.Region != "us-east-1")
            {
                create.BucketRegionName = endpoint.Region; // AWS wants the location outside us-east-1
            }

            await Checked(() => client.PutBucketAsync(create, timeouts.Next()), $"creating bucket '{name}'", null, endpoint, timeout, cancellationToken);
            return new S3Scratch(name, prefix, ownsBucket: true);
        }

        if (await CountAsync(client, bucket, prefix, endpoint, timeout, cancellationToken) > 0)
        {
            throw new CouldNotRunException($"the fresh prefix '{prefix}' already holds objects in bucket '{bucket}'; run again");
        }

        return new S3Scratch(bucket, prefix, ownsBucket: false);
    }

    /// <summary>
    /// A prefix the caller names in the user's bucket (checked as for a fresh one), which may already hold objects: a
    /// dataset kept for later runs. <see cref="CleanUpAsync"/> would delete every key under it, so the caller calls it
    /// only for what this run wrote into a prefix that was empty.
    /// </summary>
    public static async Task<S3Scratch> NamedAsync(
        IAmazonS3 client, string bucket, string prefix, S3Endpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await CountAsync(client, bucket, prefix, endpoint, timeout, cancellationToken);
        return new S3Scratch(bucket, prefix, ownsBucket: false);
    }

    /// <summary>Checks that the bucket can be read and has no versioning; whether any key is under the prefix (0 or 1).</summary>
    private static async Task<int> CountAsync(IAmazonS3 client, string bucket, string prefix, S3Endpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeouts = new RequestTimeouts(timeout, cancellationToken);
        ListObjectsV2Response existing = await Checked(
            () => client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, MaxKeys = 1 }, timeouts.Next()),
            $"reading bucket '{bucket}'", bucket, endpoint, timeout, cancellationToken);
        await RefuseVersionedAsync(client, bucket, endpoint, timeout, timeouts, cancellationToken);
        return existing.KeyCount ?? 0;
    }

    private static async Task<T> Checked<T>(Func<Task<T>> call, string what, string? bucket, S3Endpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (S3Failure.IsAccessDenied(e))
            {
                throw new CouldNotRunException(
                    $"{endpoint.Display} refused the credentials while {what} ({S3Failure.Describe(e, false, timeout)}); check the access key and secret");
            }

            if (bucket is not null && S3Failure.IsNoSuchBucket(e))
            {
                throw new BadInputException($"parameter 'bucket': '{bucket}' does not exist at {endpoint.Display}");
            }

            RequestError kind = S3Failure.Classify(e, false);
            string reason = S3Failure.Describe(e, false, timeout);
            throw kind is RequestError.Connection or RequestError.Timeout
                ? new CouldNotRunException($"cannot reach the S3 endpoint {endpoint.Display}: {reason}")
                : new CouldNotRunException($"{endpoint.Display} failed while {what}: {reason}{ChecksumHint(e, endpoint)}");
        }
    }

    /// <summary>
    /// In a bucket with versioning, a delete only adds a delete marker: every byte written would stay. Such a bucket
    /// is refused (bucket=auto, a fresh unversioned one, always works). Without the permission to ask, it is used.
    /// </summary>
    private static async Task RefuseVersionedAsync(
        IAmazonS3 client, string bucket, S3Endpoint endpoint, TimeSpan timeout, RequestTimeouts timeouts, CancellationToken cancellationToken)
    {
        GetBucketVersioningResponse? versioning = await Checked(async () =>
        {
            try
            {
                return await client.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket }, timeouts.Next());
            }
            catch (AmazonS3Exception)
            {
                return null; // no permission to ask (or a store without the call): used as unversioned
            }
        }, $"reading bucket '{bucket}'", bucket, endpoint, timeout, cancellationToken);
        if (versioning is null)
        {
            return;
        }

        string? status = versioning.VersioningConfig?.Status?.Value;
        if (status is "Enabled" or "Suspended")
        {
            throw new BadInputException(
                $"parameter 'bucket': '{bucket}' has versioning {status.ToLowerInvariant()}, so deleting what the run wrote would leave every version behind; use an unversioned bucket or bucket=auto");
        }
    }

    /// <summary>The SDK's trailing checksums are the usual reason an older S3 store rejects every upload.</summary>
    public static string ChecksumHint(Exception e, S3Endpoint endpoint) =>
        endpoint.ChecksumsWhenSupported && e is AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.BadRequest }
            ? " (this store may not accept the SDK's trailing checksums: try --set checksum=when-required)"
            : string.Empty;

    /// <summary>
    /// Deletes what the case wrote. Bounded: gives up at the first failure or when <paramref name="budget"/> is
    /// spent, and says what it left behind. Runs after Ctrl-C too, so it takes no user token.
    /// </summary>
    /// <returns>null when everything was removed, else what was left and why.</returns>
    public async Task<string?> CleanUpAsync(IAmazonS3 client, IEnumerable<(string Key, string UploadId)> knownUploads, TimeSpan timeout, TimeSpan budget)
    {
        using var deadline = new CancellationTokenSource(budget);
        using var timeouts = new RequestTimeouts(timeout, deadline.Token);
        long deleted = 0;
        try
        {
            foreach ((string key, string uploadId) in knownUploads)
            {
                await Abort(key, uploadId);
            }

            // A request cancelled by Ctrl-C may still complete on the server after the first pass: look again
            // until a pass finds nothing (a few times at most).
            for (int pass = 0; pass < 4; pass++)
            {
                if (pass > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
                }

                long found = await AbortUploadsAsync() + await DeleteKeysAsync();
                deleted += found;
                if (found == 0)
                {
                    break;
                }
            }

            if (OwnsBucket)
            {
                await client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = Bucket }, timeouts.Next());
            }

            return null;
        }
        catch (Exception e)
        {
            string where = OwnsBucket ? $"bucket '{Bucket}'" : $"'{Prefix}' in bucket '{Bucket}'";
            return $"clean-up of {where} stopped after {deleted} objects: {S3Failure.Describe(e, deadline.IsCancellationRequested, timeout)}";
        }

        async Task<long> AbortUploadsAsync()
        {
            // Uploads the run lost track of (a crash between initiate and complete) are found by listing.
            long aborted = 0;
            string? keyMarker = null, uploadMarker = null;
            do
            {
                ListMultipartUploadsResponse uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
                {
                    BucketName = Bucket,
                    Prefix = Prefix,
                    KeyMarker = keyMarker,
                    UploadIdMarker = uploadMarker,
                }, timeouts.Next());
                foreach (MultipartUpload upload in uploads.MultipartUploads ?? [])
                {
                    aborted += await Abort(upload.Key, upload.UploadId);
                }

                (keyMarker, uploadMarker) = uploads.IsTruncated == true ? (uploads.NextKeyMarker, uploads.NextUploadIdMarker) : (null, null);
            }
            while (keyMarker is not null);
            return aborted;
        }

        async Task<long> DeleteKeysAsync()
        {
            long removed = 0;
            await foreach (IReadOnlyList<S3Object> page in S3Listing.PagesAsync(client, Bucket, Prefix, timeouts.Next))
            {
                List<KeyVersion> keys = page.Where(o => o.Key.StartsWith(Prefix, StringComparison.Ordinal))
                    .Select(o => new KeyVersion { Key = o.Key }).ToList();
                if (keys.Count == 0)
                {
                    continue;
                }

                DeleteObjectsResponse result = await client.DeleteObjectsAsync(
                    new DeleteObjectsRequest { BucketName = Bucket, Objects = keys, Quiet = true }, timeouts.Next());
                if (result.DeleteErrors is { Count: > 0 } errors)
                {
                    throw new IOException($"{errors.Count} objects under '{Prefix}' could not be deleted ({errors[0].Code})");
                }

                removed += keys.Count;
            }

            return removed;
        }

        async Task<long> Abort(string key, string uploadId)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return 0;
            }

            try
            {
                await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = uploadId }, timeouts.Next());
                return 1;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
            {
                return 0; // completed or aborted meanwhile
            }
        }
    }
}
