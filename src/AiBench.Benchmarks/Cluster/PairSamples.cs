namespace AiBench.Benchmarks.Cluster;

/// <summary>
/// One pair member's samples, as sent to rank 0: the bandwidth of the direction it sent (<see cref="From"/> →
/// <see cref="To"/>); the first member (lower node) also carries the bidirectional and latency samples.
/// </summary>
public sealed record PairSamples(int From, int To, int Round, double[] Bandwidth, double[]? Bidirectional, double[]? Latency, int Bursts)
{
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(From);
            writer.Write(To);
            writer.Write(Round);
            writer.Write(Bursts);
            Write(writer, Bandwidth);
            Write(writer, Bidirectional);
            Write(writer, Latency);
        }

        return stream.ToArray();
    }

    public static PairSamples Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        int from = reader.ReadInt32();
        int to = reader.ReadInt32();
        int round = reader.ReadInt32();
        int bursts = reader.ReadInt32();
        return new PairSamples(from, to, round, Read(reader) ?? [], Read(reader), Read(reader), bursts);
    }

    private static void Write(BinaryWriter writer, double[]? values)
    {
        writer.Write(values?.Length ?? -1);
        foreach (double v in values ?? [])
        {
            writer.Write(v);
        }
    }

    private static double[]? Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        if (n < 0)
        {
            return null;
        }

        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }
}
