using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Issues one timed request of each kind against the run's prefix and returns its <see cref="RequestRecord"/>.
/// Every request has its own timeout; a GET is read to the end and compared byte for byte with what was written.
/// </summary>
public sealed class S3Requests(IAmazonS3 client, string bucket, string prefix, ObjectPayload payload, S3Workload workload, long origin)
{
    /// <summary>Per part of a multipart-get in flight: half receives, half holds the bytes expected.</summary>
    private const int PartBufferBytes = 512 << 10;

    /// <summary>Multipart uploads started and not yet completed or aborted (clean-up aborts what is left).</summary>
    private readonly ConcurrentDictionary<string, string> _openUploads = new();

    public string Bucket => bucket;

    public string Prefix => prefix;

    public IAmazonS3 Client => client;

    public ObjectPayload Payload => payload;

    public S3Workload Workload => workload;

    public IEnumerable<(string Key, string UploadId)> OpenUploads => _openUploads.Select(u => (u.Value, u.Key));

    public string Key(long id) => $"{prefix}{id:D10}";

    public long Now() => Stopwatch.GetTimestamp() - origin;

    /// <summary>Runs one operation on <paramref name="target"/> (ignored by list) and times it.</summary>
    /// <param name="buffer">the worker's receive buffer for GETs.</param>
    /// <param name="expectedKeys">the keys a list must find, or -1 when objects come and go during the run.</param>
    public async Task<(RequestRecord Record, Exception? Failure)> ExecuteAsync(
        S3Operation operation, StoredObject target, long expectedKeys, byte[] buffer, Random random, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!operation.IsMultipart())
        {
            timeout.CancelAfter(workload.Timeout); // a multipart upload or read times each of its requests instead
        }

        long start = Now();
        long firstByte = 0;
        try
        {
            long bytes = operation switch
            {
                S3Operation.Put => await PutAsync(target, timeout.Token),
                S3Operation.Get => await GetAsync(target, buffer, random, t => firstByte = t, timeout.Token),
                S3Operation.MultipartPut => await MultipartPutAsync(target, timeout.Token),
                S3Operation.MultipartGet => await MultipartGetAsync(target, t => firstByte = t, timeout.Token),
                S3Operation.Head => await HeadAsync(target, timeout.Token),
                S3Operation.List => await ListAsync(expectedKeys, timeout.Token),
                S3Operation.Delete => await DeleteAsync(target, timeout.Token),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            };
            return (new RequestRecord(operation, start, Now(), firstByte, bytes, RequestError.None), null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            bool timedOut = timeout.IsCancellationRequested;
            return (new RequestRecord(operation, start, Now(), firstByte, 0, S3Failure.Classify(e, timedOut)), e);
        }
    }

    private async Task<long> PutAsync(StoredObject target, CancellationToken cancellationToken)
    {
        using Stream body = payload.Stream(target.Id, 0, target.Size, seekable: !workload.UnsignedPayload);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = Key(target.Id),
            InputStream = body,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        };
        request.Headers.ContentLength = target.Size; // a body that cannot seek has no length the SDK could ask
        await client.PutObjectAsync(request, cancellationToken);
        return target.Size;
    }

    private Task<long> GetAsync(StoredObject target, byte[] buffer, Random random, Action<long> firstByte, CancellationToken cancellationToken)
    {
        if (workload.RangeBytes is long range && range < target.Size)
        {
            return ReadAsync(target, random.NextInt64(target.Size - range + 1), range, ranged: true, buffer, firstByte, cancellationToken);
        }

        return ReadAsync(target, 0, target.Size, ranged: false, buffer, firstByte, cancellationToken);
    }

    /// <summary>The whole object as ranged GETs of the part size, the part concurrency of them in flight, each verified and under its own timeout.</summary>
    private async Task<long> MultipartGetAsync(StoredObject target, Action<long> firstByte, CancellationToken cancellationToken)
    {
        int parts = (int)Math.Max(1, (target.Size + workload.PartSize - 1) / workload.PartSize);
        long first = long.MaxValue;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, parts),
            new ParallelOptions { MaxDegreeOfParallelism = workload.PartConcurrency, CancellationToken = cancellationToken },
            async (part, token) =>
            {
                long start = part * workload.PartSize;
                long length = Math.Min(workload.PartSize, target.Size - start);
                byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(PartBufferBytes);
                try
                {
                    await RequestTimeouts.RunAsync(workload.Timeout, partToken => ReadAsync(target, start, length, ranged: parts > 1,
                        buffer.AsMemory(0, PartBufferBytes), t => InterlockedMin(ref first, t), partToken), token);
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
            });
        firstByte(first);
        return target.Size;
    }

    private static void InterlockedMin(ref long location, long value)
    {
        long seen = Interlocked.Read(ref location);
        while (value < seen)
        {
            long previous = Interlocked.CompareExchange(ref location, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes of the object from <paramref name="start"/> (a ranged GET when <paramref name="ranged"/>) and compares every byte with what was written.</summary>
    private async Task<long> ReadAsync(
        StoredObject target, long start, long length, bool ranged, Memory<byte> buffer, Action<long> firstByte, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = Key(target.Id) };
        if (ranged)
        {
            request.ByteRange = new ByteRange(start, start + length - 1);
        }

        // The buffer: first half receives, second half holds what should have arrived.
        Memory<byte> receive = buffer[..(buffer.Length / 2)];
        using GetObjectResponse response = await client.GetObjectAsync(request, cancellationToken);
        Stream stream = ResponseBody.Unhashed(response.ResponseStream);
        long received = 0;
        while (true)
        {
            int n = await stream.ReadAsync(receive, cancellationToken);
            if (n == 0)
            {
                break;
            }

            if (received == 0)
            {
                firstByte(Now());
            }

            if (received + n > length)
            {
                throw new DataMismatchException($"{Key(target.Id)}: more than the {length} bytes written");
            }

            Span<byte> expected = buffer.Span.Slice(buffer.Length / 2, n);
            payload.Fill(target.Id, start + received, expected);
            if (!receive.Span[..n].SequenceEqual(expected))
            {
                throw new DataMismatchException($"{Key(target.Id)}: bytes at {start + received}..{start + received + n} differ from what was written");
            }

            received += n;
        }

        if (received != length)
        {
            throw new DataMismatchException($"{Key(target.Id)}: {received} bytes read, {length} written");
        }

        return received;
    }

    private async Task<long> MultipartPutAsync(StoredObject target, CancellationToken cancellationToken)
    {
        string key = Key(target.Id);
        var upload = new MultipartUploader(client, bucket, workload.PartSize, workload.PartConcurrency, workload.UnsignedPayload, workload.Timeout);
        await upload.RunAsync(key, target.Size, (offset, length) => payload.Stream(target.Id, offset, length),
            uploadId => _openUploads[uploadId] = key, uploadId => _openUploads.TryRemove(uploadId, out _), cancellationToken);
        return target.Size;
    }

    private async Task<long> HeadAsync(StoredObject target, CancellationToken cancellationToken)
    {
        GetObjectMetadataResponse head = await client.GetObjectMetadataAsync(bucket, Key(target.Id), cancellationToken);
        if (head.ContentLength != target.Size)
        {
            throw new DataMismatchException($"{Key(target.Id)}: HEAD says {head.ContentLength} bytes, {target.Size} written");
        }

        return 0;
    }

    /// <summary>Lists every key under the prefix (all pages): one operation, as warp counts it.</summary>
    private async Task<long> ListAsync(long expectedKeys, CancellationToken cancellationToken)
    {
        long keys = 0;
        await foreach (IReadOnlyList<S3Object> page in S3Listing.PagesAsync(client, bucket, prefix, () => cancellationToken, cancellationToken))
        {
            keys += page.Count;
        }

        if (expectedKeys >= 0 && keys != expectedKeys)
        {
            throw new DataMismatchException($"listing found {keys} keys under '{prefix}', {expectedKeys} were written");
        }

        return 0;
    }

    private async Task<long> DeleteAsync(StoredObject target, CancellationToken cancellationToken)
    {
        await client.DeleteObjectAsync(bucket, Key(target.Id), cancellationToken);
        return 0;
    }
}
