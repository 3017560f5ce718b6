using System.IO.Compression;
using System.Text.Json;
using AiBench.Core.Results;

namespace AiBench.Core.Jobs;

/// <summary>
/// A node's run as it travels to rank 0: run.json, Brotli-compressed (a node run is mostly raw samples and repeated
/// keys, ~10× smaller), so rank 0 holds compressed bytes until it writes each node's folder.
/// </summary>
public static class NodeResultCodec
{
    public static byte[] Encode(Run run)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(run, RunJsonContext.Default.Run);
        using var output = new MemoryStream(json.Length / 8 + 64);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(json);
        }

        return output.ToArray();
    }

    /// <summary>The run inside <paramref name="payload"/>; throws BadInputException naming <paramref name="origin"/> when it is not one.</summary>
    public static Run Decode(byte[] payload, string origin)
    {
        string json;
        try
        {
            using var input = new BrotliStream(new MemoryStream(payload), CompressionMode.Decompress);
            using var reader = new StreamReader(input);
            json = reader.ReadToEnd();
        }
        catch (InvalidDataException e)
        {
            throw new Errors.BadInputException($"{origin}: the node's results are damaged ({e.Message})");
        }

        return RunFile.Parse(json, origin);
    }
}
