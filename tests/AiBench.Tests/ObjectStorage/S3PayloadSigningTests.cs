using System.Net;
using System.Net.Sockets;
using System.Text;
using AiBench.Benchmarks.ObjectStorage;
using Amazon.S3;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>
/// What a PUT and a multipart part send as their SigV4 payload hash over plain HTTP, seen by a minimal HTTP server on
/// loopback: the SDK alone refuses UNSIGNED-PAYLOAD there (and hashes a part's body, which must seek), so this pins
/// that storage.s3's client really sends it (and reads the body once), and that payload-signing=sha256 still sends
/// the body's SHA-256.
/// </summary>
public class S3PayloadSigningTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_put_over_plain_http_carries_the_payload_hash_asked_for(bool unsigned) =>
        await OverPlainHttp(S3Operation.Put, unsigned, requestCount: 1, size: 3 << 20);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Multipart_parts_over_plain_http_carry_the_payload_hash_asked_for(bool unsigned) =>
        await OverPlainHttp(S3Operation.MultipartPut, unsigned, requestCount: 4, size: 10 << 20);   // initiate, 2 parts, complete

    private static async Task OverPlainHttp(S3Operation operation, bool unsigned, int requestCount, long size)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task<List<Received>> server = ServeAsync(listener, requestCount);

        string secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, "not-a-real-secret-key-0123456789abcdefghij");
        AmazonS3Client client;
        try
        {
            var endpoint = new S3Endpoint(new Uri($"http://127.0.0.1:{port}"), "us-east-1", PathStyle: true, ChecksumsWhenSupported: false);
            client = S3ClientFactory.Create(endpoint, S3Credentials.Resolve("AKIDEXAMPLE", secret), TimeSpan.FromSeconds(20), 2);
        }
        finally
        {
            File.Delete(secret);
        }

        using (client)
        {
            const long partSize = 5 << 20;
            var workload = new S3Workload
            {
                ObjectSize = size, Timeout = TimeSpan.FromSeconds(20), UnsignedPayload = unsigned, PartSize = partSize, PartConcurrency = 1,
            };
            var payload = new ObjectPayload(size, seed: 1);
            var requests = new S3Requests(client, "bucket", "p/", payload, workload, System.Diagnostics.Stopwatch.GetTimestamp());
            (RequestRecord record, Exception? failure) = await requests.ExecuteAsync(
                operation, new StoredObject(7, size), -1, new byte[1024], new Random(1), CancellationToken.None);
            Assert.True(record.Succeeded, failure?.ToString());

            List<Received> bodies = (await server.WaitAsync(TimeSpan.FromSeconds(20))).Where(r => r.Method == "PUT").ToList();
            Assert.Equal(operation == S3Operation.Put ? 1 : 2, bodies.Count);
            long offset = 0;
            foreach (Received body in bodies)
            {
                long length = operation == S3Operation.Put ? size : Math.Min(partSize, size - offset);
                Assert.Equal(length, body.BodyBytes);
                string expected = unsigned
                    ? "UNSIGNED-PAYLOAD"
                    : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload.Content(7, offset, length)));
                Assert.Equal(expected, body.Sha);
                offset += length;
            }
        }
    }

    private sealed record Received(string Method, string Sha, long BodyBytes);

    /// <summary>Answers <paramref name="count"/> requests, one per connection, as S3 would a PUT or a multipart upload's steps.</summary>
    private static async Task<List<Received>> ServeAsync(TcpListener listener, int count)
    {
        var received = new List<Received>();
        for (int i = 0; i < count; i++)
        {
            received.Add(await ServeOneAsync(listener));
        }

        return received;
    }

    /// <summary>Reads one request's headers and Content-Length body, answers 200 (with an ETag, or the XML a multipart step expects).</summary>
    private static async Task<Received> ServeOneAsync(TcpListener listener)
    {
        using TcpClient connection = await listener.AcceptTcpClientAsync();
        NetworkStream stream = connection.GetStream();
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("the client closed before its headers ended");
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        string Header(string name) => lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault() ?? "";
        long length = long.Parse(Header("Content-Length"), System.Globalization.CultureInfo.InvariantCulture);
        if (Header("Expect").Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"));
        }

        var buffer = new byte[1 << 16];
        long read = 0;
        while (read < length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - read)));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        string requestLine = lines[0];
        string body = !requestLine.StartsWith("POST ", StringComparison.Ordinal) ? ""
            : requestLine.Contains("?uploads", StringComparison.Ordinal)
                ? "<InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>k</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>"
                : "<CompleteMultipartUploadResult><Bucket>bucket</Bucket><Key>k</Key><ETag>\"0123456789abcdef0123456789abcdef-2\"</ETag></CompleteMultipartUploadResult>";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nETag: \"0123456789abcdef0123456789abcdef\"\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
        return new Received(requestLine.Split(' ')[0], Header("x-amz-content-sha256"), read);
    }
}
