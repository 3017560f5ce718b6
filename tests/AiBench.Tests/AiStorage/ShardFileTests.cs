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
        Assert.ThrowsAny<IOException>(() => ShardFile.Write(path, 1 << 20, new ShardPattern(1, 7), buffer, direct: false, () => claimed = true, default));
        Assert.False(claimed);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void A_flipped_byte_a_stale_chunk_and_a_misplaced_chunk_are_each_found()
    {
        using var folder = new StorageTestFolder();
        string path = Path.Combine(folder.Path, "shard.bin");
        var pattern = new ShardPattern(5, 11);
        using var buffer = new AlignedBuffer(64 << 10);
        ShardFile.Write(path, 1 << 20, pattern, buffer, direct: false, () => { }, default);
        Assert.Equal(0, ShardFile.Read(path, pattern, buffer, verify: true, direct: false, default).WrongChunks);

        byte[] bytes = File.ReadAllBytes(path);
        bytes[100_000] ^= 1;                                      // a flipped bit
        bytes.AsSpan(8192, 4096).CopyTo(bytes.AsSpan(65536 + 8192)); // a chunk written at the wrong offset
        new ShardPattern(6, 11).Fill(bytes.AsSpan(200_704, 4096), 200_704); // another shard's chunk at the right offset
        File.WriteAllBytes(path, bytes);
        Assert.Equal(3, ShardFile.Read(path, pattern, buffer, verify: true, direct: false, default).WrongChunks);
        Assert.Equal(1 << 20, ShardFile.Read(path, pattern, buffer, verify: false, direct: false, default).Bytes);
    }

    [Fact]
    public void The_content_does_not_depend_on_the_request_size_that_wrote_it()
    {
        using var folder = new StorageTestFolder();
        var pattern = new ShardPattern(9, 3);
        string small = Path.Combine(folder.Path, "small.bin");
        string large = Path.Combine(folder.Path, "large.bin");
        using (var buffer = new AlignedBuffer(12 << 10))
        {
            ShardFile.Write(small, (3 << 20) + 8192, pattern, buffer, direct: false, () => { }, default);
        }

        using (var buffer = new AlignedBuffer(2 << 20))
        {
            ShardFile.Write(large, (3 << 20) + 8192, pattern, buffer, direct: false, () => { }, default);
            Assert.Equal(0, ShardFile.Read(small, pattern, buffer, verify: true, direct: false, default).WrongChunks);
        }

        Assert.Equal(File.ReadAllBytes(small), File.ReadAllBytes(large));
    }
}
