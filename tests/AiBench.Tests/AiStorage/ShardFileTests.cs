using AiBench.Benchmarks.AiStorage;
using AiBench.Tests.Storage;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>The shard writer never overwrites, and its read-back finds every kind of wrong chunk.</summary>
public class ShardFileTests
{
    [Fact]
    public void An_existing_file_is_never_overwritten_nor_claimed()
    {
        using var folder = new StorageTestFolder();
        string path = Path.Combine(folder.Path, "someone-elses.bin");
        File.WriteAllText(path, "keep me");
        bool claimed = false;
        using var buffer = new AlignedBuffer(64 << 10);
        Assert.ThrowsAny<IOException>(() => ShardFile.Write(path, 1 << 20, new ShardPattern(1, 64 << 10, 7), buffer, direct: false, () => claimed = true, default));
        Assert.False(claimed);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void A_flipped_byte_a_stale_chunk_and_a_misplaced_chunk_are_each_found()
    {
        using var folder = new StorageTestFolder();
        string path = Path.Combine(folder.Path, "shard.bin");
        var pattern = new ShardPattern(5, 64 << 10, 11);
        using var buffer = new AlignedBuffer(64 << 10);
        ShardFile.Write(path, 1 << 20, pattern, buffer, direct: false, () => { }, default);
        Assert.Equal(0, ShardFile.Read(path, pattern, buffer, verify: true, direct: false, default).WrongChunks);

        byte[] bytes = File.ReadAllBytes(path);
        bytes[100_000] ^= 1;                                      // a flipped bit
        bytes.AsSpan(8192, 4096).CopyTo(bytes.AsSpan(65536 + 8192)); // a chunk from the first block in the second: same data, wrong offset
        new ShardPattern(6, 64 << 10, 11).Fill(bytes.AsSpan(200_704, 4096), 200_704); // another shard's chunk at the right offset
        File.WriteAllBytes(path, bytes);
        Assert.Equal(3, ShardFile.Read(path, pattern, buffer, verify: true, direct: false, default).WrongChunks);
        Assert.Equal(1 << 20, ShardFile.Read(path, pattern, buffer, verify: false, direct: false, default).Bytes);
    }
}
