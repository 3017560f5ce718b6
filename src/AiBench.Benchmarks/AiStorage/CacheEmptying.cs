using AiBench.Benchmarks.Collectives;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>Empties the page cache of this rank's files as the case asks, then tells how many of their bytes it still holds.</summary>
internal static class CacheEmptying
{
    public static long Empty(CacheMode mode, IReadOnlyList<string> shards, IRankGroup group)
    {
        switch (mode)
        {
            case CacheMode.Fadvise:
            case CacheMode.Direct: // O_DIRECT reads skip the cache, but pages of an earlier buffered write (a dataset) would still count
                foreach (string shard in shards)
                {
                    PageCache.Drop(shard);
                }

                break;
            case CacheMode.DropAll:
                // Machine-wide: one rank per node drops, after every rank of the node has written (the barriers).
                group.Barrier();
                if (group.LocalRank == 0)
                {
                    PageCache.DropAll();
                }

                group.Barrier();
                break;
        }

        return shards.Sum(PageCache.ResidentBytes);
    }
}
