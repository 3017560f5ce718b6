using System.Diagnostics;
using AiBench.Core.Cluster;
using Xunit;

namespace AiBench.Tests.Cluster;

public class PairScheduleTests
{
    private const int MaxNodes = 70;

    [Fact]
    public void All_is_a_round_robin_with_every_pair_once()
    {
        for (int n = 1; n <= MaxNodes; n++)
        {
            PairSchedule schedule = PairSchedule.Plan(n, PairSelection.All, seed: 1);
            AssertNoNodeTwiceInARound(schedule, n);
            var pairs = schedule.Pairs.ToList();
            Assert.Equal(n * (n - 1) / 2, pairs.Count);
            Assert.Equal(pairs.Count, pairs.Distinct().Count());
            int expectedRounds = n < 2 ? 0 : n % 2 == 0 ? n - 1 : n;
            Assert.Equal(expectedRounds, schedule.Rounds.Count);
            Assert.All(schedule.Rounds, round => Assert.Equal(n / 2, round.Count));   // odd n: one node idle per round
        }
    }

    [Fact]
    public void Ring_pairs_each_node_with_the_next_in_two_or_three_rounds()
    {
        for (int n = 1; n <= MaxNodes; n++)
        {
            PairSchedule schedule = PairSchedule.Plan(n, PairSelection.Ring, seed: 1);
            AssertNoNodeTwiceInARound(schedule, n);
            HashSet<NodePair> expected = n switch
            {
                1 => [],
                2 => [new NodePair(0, 1)],
                _ => Enumerable.Range(0, n).Select(i => NodePair.Of(i, (i + 1) % n)).ToHashSet(),
            };
            var pairs = schedule.Pairs.ToList();
            Assert.Equal(pairs.Count, pairs.Distinct().Count());
            Assert.True(expected.SetEquals(pairs), $"n = {n}");
            int expectedRounds = n switch { 1 => 0, 2 => 1, _ when n % 2 == 0 => 2, _ => 3 };
            Assert.Equal(expectedRounds, schedule.Rounds.Count);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Random_gives_every_node_at_least_k_distinct_peers_in_few_rounds(int k)
    {
        for (int n = 1; n <= MaxNodes; n++)
        {
            PairSchedule schedule = PairSchedule.Plan(n, PairSelection.Random(k), seed: n);
            AssertNoNodeTwiceInARound(schedule, n);
            var pairs = schedule.Pairs.ToList();
            Assert.Equal(pairs.Count, pairs.Distinct().Count());
            int[] peers = Peers(pairs, n);
            Assert.All(peers, p => Assert.True(p >= Math.Min(k, n - 1), $"n = {n}: a node has {p} peers"));
            int mostPeers = peers.DefaultIfEmpty(0).Max();
            Assert.True(mostPeers <= k + 2 || mostPeers == n - 1, $"n = {n}: a node has {mostPeers} peers");
            Assert.True(schedule.Rounds.Count <= Math.Max(2 * mostPeers - 1, 0) + (n % 2), $"n = {n}: {schedule.Rounds.Count} rounds");
            Assert.True(schedule.Rounds.Count <= 2 * k + 3 || n - 1 <= k, $"n = {n}: {schedule.Rounds.Count} rounds");
        }
    }

    [Fact]
    public void Random_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        var first = PairSchedule.Plan(40, PairSelection.Random(4), seed: 7).Rounds.SelectMany(r => r).ToList();
        Assert.Equal(first, PairSchedule.Plan(40, PairSelection.Random(4), seed: 7).Rounds.SelectMany(r => r));
        Assert.NotEqual(first, PairSchedule.Plan(40, PairSelection.Random(4), seed: 8).Rounds.SelectMany(r => r));
    }

    [Fact]
    public void Random_with_k_of_at_least_n_minus_1_is_every_pair() =>
        Assert.Equal(10, PairSchedule.Plan(5, PairSelection.Random(4), seed: 1).Pairs.Count());

    [Fact]
    public void Random_8_for_1024_nodes_plans_in_well_under_a_second()
    {
        var clock = Stopwatch.StartNew();
        PairSchedule schedule = PairSchedule.Plan(1024, PairSelection.Random(8), seed: 42);
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.All(Peers(schedule.Pairs.ToList(), 1024), p => Assert.InRange(p, 8, 10));
        Assert.InRange(schedule.Rounds.Count, 8, 17);
    }

    [Fact]
    public void A_pair_has_its_lower_node_first()
    {
        Assert.Equal(new NodePair(2, 5), NodePair.Of(5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodePair(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodePair(4, 1));
    }

    private static int[] Peers(List<NodePair> pairs, int n)
    {
        int[] peers = new int[n];
        foreach (NodePair p in pairs)
        {
            peers[p.A]++;
            peers[p.B]++;
        }

        return peers;
    }

    private static void AssertNoNodeTwiceInARound(PairSchedule schedule, int n)
    {
        foreach (IReadOnlyList<NodePair> round in schedule.Rounds)
        {
            Assert.NotEmpty(round);
            var seen = new HashSet<int>();
            foreach (NodePair p in round)
            {
                Assert.InRange(p.B, 1, n - 1);
                Assert.True(seen.Add(p.A) && seen.Add(p.B), $"n = {n}: a node twice in one round");
            }
        }
    }
}
