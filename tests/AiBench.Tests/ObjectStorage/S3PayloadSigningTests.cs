using System.Net;
using System.Net.Sockets;
using System.Text;
using AiBench.Benchmarks.ObjectStorage;
using Amazon.S3;
using Xunit;

namespace AiBench.Tests.ObjectStorage;

/// <summary>
/// What a PUT sends as its SigV4 payload hash over plain HTTP, seen by a minimal HTTP server on loopback: the
/// SDK alone refuses UNSIGNED-PAYLOAD there, so this pins that storage.s3's client really sends it (and reads the
/// body once), and that payload-signing=sha256 still sends the body's SHA-256.
/// </summary>
public class S3PayloadSigningTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_put_over_plain_http_carries_the_payload_hash_asked_for(bool unsigned)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task<(string Sha, long BodyBytes)> server = ServeOnePutAsync(listener);

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
            const long size = 3 << 20;
            var workload = new S3Workload { ObjectSize = size, Timeout = TimeSpan.FromSeconds(20), UnsignedPayload = unsigned };
            var payload = new ObjectPayload(size, seed: 1);
            var requests = new S3Requests(client, "bucket", "p/", payload, workload, System.Diagnostics.Stopwatch.GetTimestamp());
            (RequestRecord record, Exception? failure) = await requests.ExecuteAsync(
                S3Operation.Put, new StoredObject(7, size), -1, new byte[1024], new Random(1), CancellationToken.None);
            Assert.True(record.Succeeded, failure?.ToString());

            (string sha, long bodyBytes) = await server.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(size, bodyBytes);
            if (unsigned)
            {
                Assert.Equal("UNSIGNED-PAYLOAD", sha);
            }
            else
            {
                byte[] expected = System.Security.Cryptography.SHA256.HashData(payload.Content(7, 0, size));
                Assert.Equal(Convert.ToHexStringLower(expected), sha);
            }
        }
    }

    /// <summary>Reads one request's headers and Content-Length body, answers 200 with an ETag, returns the hash header.</summary>
    private static async Task<(string Sha, long BodyBytes)> ServeOnePutAsync(TcpListener listener)
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

        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nETag: \"0123456789abcdef0123456789abcdef\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return (Header("x-amz-content-sha256"), read);
    }
}
