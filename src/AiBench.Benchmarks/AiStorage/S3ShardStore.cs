using System.Buffers;
using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using AiBench.Benchmarks.ObjectStorage;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// Shards as objects under a fresh S3 prefix (storage.s3's client and clean-up): a shard larger than a part is a
/// multipart upload with <c>partConcurrency</c> parts in flight, a smaller one a single PUT; a restore is one GET
/// streamed into the buffer and verified as it arrives. The server's cache is not the client's to empty.
/// </summary>
internal sealed class S3ShardStore : IShardStore
{
    private readonly AmazonS3Client _client;
    private readonly S3Connection _connection;
    private readonly S3Scratch _scratch;
    private readonly long _partBytes;
    private readonly int _partConcurrency;
    private readonly TimeSpan _timeout;

    private S3ShardStore(AmazonS3Client client, S3Connection connection, S3Scratch scratch, long partBytes, int partConcurrency, TimeSpan timeout)
    {
        _client = client;
        _connection = connection;
        _scratch = scratch;
        _partBytes = partBytes;
        _partConcurrency = partConcurrency;
        _timeout = timeout;
    }

    public string Description => $"S3 {_connection.Endpoint.Display}, {(_scratch.OwnsBucket ? "fresh bucket" : _scratch.Bucket)}/{_scratch.Prefix}";

    public bool ControlsCache => false;

    /// <summary>As storage.s3 sends bodies: single PUTs and multipart parts unsigned, over HTTP as over HTTPS (see UnsignedPayloadHandler).</summary>
    public string PayloadSigning => "UNSIGNED-PAYLOAD";

    /// <summary>A store under a fresh prefix (in a fresh bucket when none is named), removed by <see cref="CleanUp"/>.</summary>
    public static S3ShardStore Open(S3Connection connection, long partBytes, int partConcurrency, int workers, TimeSpan timeout, CancellationToken cancel) =>
        Open(connection, partBytes, partConcurrency, workers, timeout,
            client => S3Scratch.CreateAsync(client, connection.Bucket, connection.Endpoint, timeout, cancel).GetAwaiter().GetResult());

    /// <summary>A store under <paramref name="prefix"/> in the named bucket, kept across runs (a dataset written once and reused).</summary>
    public static S3ShardStore OpenKept(
        S3Connection connection, string bucket, string prefix, long partBytes, int partConcurrency, int workers, TimeSpan timeout, CancellationToken cancel) =>
        Open(connection, partBytes, partConcurrency, workers, timeout,
            client => S3Scratch.NamedAsync(client, bucket, prefix, connection.Endpoint, timeout, cancel).GetAwaiter().GetResult());

    private static S3ShardStore Open(S3Connection connection, long partBytes, int partConcurrency, int workers, TimeSpan timeout, Func<AmazonS3Client, S3Scratch> scratch)
    {
        AmazonS3Client client = S3ClientFactory.Create(connection.Endpoint, connection.Credentials, timeout, workers * partConcurrency + 2);
        try
        {
            return new S3ShardStore(client, connection, scratch(client), partBytes, partConcurrency, timeout);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Where the objects are: <c>bucket/prefix/</c>.</summary>
    public string Location => $"{_scratch.Bucket}/{_scratch.Prefix}";

    /// <summary>Every object under the prefix, by name (the key less the prefix), with its size.</summary>
    public IReadOnlyDictionary<string, long> List(CancellationToken cancel) => Call(ListAsync(cancel), $"listing {Location}", cancel);

    private async Task<IReadOnlyDictionary<string, long>> ListAsync(CancellationToken cancel)
    {
        using var timeout = new RequestTimeouts(_timeout, cancel);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (IReadOnlyList<S3Object> page in S3Listing.PagesAsync(_client, _scratch.Bucket, _scratch.Prefix, timeout.Next, cancel))
        {
            foreach (S3Object o in page)
            {
                sizes[o.Key[_scratch.Prefix.Length..]] = o.Size ?? 0;
            }
        }

        return sizes;
    }

    /// <summary>A small object's text (at most <paramref name="maxBytes"/>; a larger one is null, as is a missing one).</summary>
    public string? ReadText(string name, int maxBytes, CancellationToken cancel) => Call(ReadTextAsync(name, maxBytes, cancel), $"reading {name}", cancel);

    private async Task<string?> ReadTextAsync(string name, int maxBytes, CancellationToken cancel)
    {
        using var timeout = new RequestTimeouts(_timeout, cancel);
        try
        {
            using GetObjectResponse response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _scratch.Bucket, Key = Key(name) }, timeout.Next());
            if (response.ContentLength > maxBytes)
            {
                return null;
            }

            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync(cancel);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Writes a small object (a marker) in one PUT.</summary>
    public void WriteText(string name, string text, CancellationToken cancel)
    {
        using var timeout = new RequestTimeouts(_timeout, cancel);
        Call(_client.PutObjectAsync(new PutObjectRequest { BucketName = _scratch.Bucket, Key = Key(name), ContentBody = text, ContentType = "application/json" }, timeout.Next()),
            $"writing {name}", cancel);
    }

    private string Key(string name) => _scratch.Prefix + name;

    public ShardTiming Write(string name, long bytes, ShardPattern pattern, AlignedBuffer buffer, Action created, CancellationToken cancel)
    {
        long start = Stopwatch.GetTimestamp();
        Call(bytes <= _partBytes ? PutAsync(name, bytes, pattern, created, cancel) : MultipartAsync(name, bytes, pattern, created, cancel),
            $"writing {name}", cancel);
        return new ShardTiming(start, Stopwatch.GetTimestamp(), bytes);
    }

    private async Task PutAsync(string name, long bytes, ShardPattern pattern, Action created, CancellationToken cancel)
    {
        using var timeout = new RequestTimeouts(_timeout, cancel);
        created();
        using var body = new ShardPatternStream(pattern, 0, bytes, seekable: false);
        var request = new PutObjectRequest
        {
            BucketName = _scratch.Bucket, Key = Key(name), InputStream = body, AutoCloseStream = false, UseChunkEncoding = false,
        };
        request.Headers.ContentLength = bytes; // a body that cannot seek has no length the SDK could ask
        await _client.PutObjectAsync(request, timeout.Next());
    }

    private async Task MultipartAsync(string name, long bytes, ShardPattern pattern, Action created, CancellationToken cancel)
    {
        var upload = new MultipartUploader(_client, _scratch.Bucket, _partBytes, _partConcurrency, UnsignedParts: true, _timeout);
        string? open = null;
        try
        {
            await upload.RunAsync(Key(name), bytes, (offset, length) => new ShardPatternStream(pattern, offset, length, seekable: true),
                uploadId =>
                {
                    open = uploadId;
                    created();
                },
                _ => open = null, cancel);
        }
        catch when (open is not null)
        {
            // An upload cut short holds its parts on the server until aborted; the scratch clean-up lists and aborts any left.
            using var abort = new CancellationTokenSource(_timeout);
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _scratch.Bucket, Key = Key(name), UploadId = open }, abort.Token)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
    }

    public ShardTiming Read(string name, ShardPattern pattern, AlignedBuffer buffer, bool verify, CancellationToken cancel, Action<long>? request = null) =>
        Call(GetAsync(name, pattern, buffer.Length, verify, request, cancel), $"reading {name}", cancel);

    private async Task<ShardTiming> GetAsync(string name, ShardPattern pattern, int bufferBytes, bool verify, Action<long>? request, CancellationToken cancel)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(bufferBytes);
        try
        {
            return await GetAsync(name, pattern, rented.AsMemory(0, bufferBytes), verify, request, cancel);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private async Task<ShardTiming> GetAsync(string name, ShardPattern pattern, Memory<byte> block, bool verify, Action<long>? request, CancellationToken cancel)
    {
        using var timeout = new RequestTimeouts(_timeout, cancel);
        long start = Stopwatch.GetTimestamp();
        using GetObjectResponse response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _scratch.Bucket, Key = Key(name) }, timeout.Next());
        // Every 4 KiB is checked against the pattern: the SDK's MD5 of the body would only cost CPU (see ResponseBody).
        Stream stream = ResponseBody.Unhashed(response.ResponseStream);
        long total = 0, wrong = 0;
        while (true)
        {
            // Whole buffers (a network read returns what arrived): the pattern is checked per 4 KiB from an aligned offset.
            long issued = Stopwatch.GetTimestamp();
            int filled = await stream.ReadAtLeastAsync(block, block.Length, throwOnEndOfStream: false, cancel);
            request?.Invoke(Stopwatch.GetTimestamp() - issued);
            if (filled == 0)
            {
                break;
            }

            if (verify)
            {
                wrong += pattern.WrongChunks(block.Span[..filled], total);
            }

            total += filled;
        }

        return new ShardTiming(start, Stopwatch.GetTimestamp(), total, wrong);
    }

    public long EmptyCache(IReadOnlyList<string> names) => 0;

    public void Delete(string name)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            _client.DeleteObjectAsync(_scratch.Bucket, Key(name), timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or OperationCanceledException or HttpRequestException)
        {
            // The scratch clean-up at the end deletes whatever is left under the prefix.
        }
    }

    /// <summary>Deletes every key under the prefix and a bucket it created; what it could not is the returned text.</summary>
    public string? CleanUp()
    {
        using AmazonS3Client cleaner = S3ClientFactory.Create(_connection.Endpoint, _connection.Credentials, _timeout, 4);
        return _scratch.CleanUpAsync(cleaner, [], _timeout, TimeSpan.FromSeconds(Math.Clamp(4 * _timeout.TotalSeconds, 60, 300))).GetAwaiter().GetResult();
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Runs a request on this worker thread. A failed or timed-out request is the endpoint's fault (exit 3), named; a
    /// cancellation by the user (Ctrl-C) stays one.
    /// </summary>
    private T Call<T>(Task<T> call, string what, CancellationToken user)
    {
        try
        {
            return call.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException
                                      || (e is OperationCanceledException && !user.IsCancellationRequested))
        {
            string reason = e is OperationCanceledException ? "no answer within the request timeout" : e.Message.ReplaceLineEndings(" ");
            throw new CouldNotRunException($"{what} at {_connection.Endpoint.Display}: {reason}{S3Scratch.ChecksumHint(e, _connection.Endpoint)}", e);
        }
    }

    private void Call(Task call, string what, CancellationToken user) => Call(Done(call), what, user);

    private static async Task<bool> Done(Task call)
    {
        await call;
        return true;
    }
}
