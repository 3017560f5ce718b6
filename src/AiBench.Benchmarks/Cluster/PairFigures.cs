using System.Globalization;
using AiBench.Core.Cluster;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Cluster;

/// <summary>Turns the pair members' samples into net.pair measurements labelled from/to with node host names.</summary>
internal static class PairFigures
{
    public static IEnumerable<Measurement> Of(IReadOnlyList<PairSamples> collected, PairNodes nodes, PairSettings settings, string pairsText, double? roundSeconds = null)
    {
        var parameters = new Dictionary<string, ParameterValue>
        {
            ["pairs"] = ParameterValue.Of(pairsText),
            ["bytes"] = ParameterValue.Of(settings.Bytes),
            ["window"] = ParameterValue.Of(settings.Window),
        };
        foreach (PairSamples s in collected.OrderBy(s => s.From).ThenBy(s => s.To))
        {
            var info = new Dictionary<string, string>
            {
                ["round"] = (s.Round + 1).ToString(CultureInfo.InvariantCulture),
                ["bursts"] = s.Bursts.ToString(CultureInfo.InvariantCulture),
                ["bytesPerSample"] = ((long)settings.Bytes * settings.Window * s.Bursts).ToString(CultureInfo.InvariantCulture),
                [InfoKeys.Ranks] = $"{nodes.Leaders[s.From]},{nodes.Leaders[s.To]}",
            };
            if (roundSeconds is { } seconds)
            {
                info["roundSeconds"] = seconds.ToString("0.###", CultureInfo.InvariantCulture);
            }

            int low = Math.Min(s.From, s.To);
            int high = Math.Max(s.From, s.To);
            yield return Make(PairMetrics.Bandwidth, Unit.BytesPerSecond, Direction.Higher, s.From, s.To, s.Bandwidth, settings.LineRate,
                "osu_bw: a window of non-blocking sends per burst, one direction alone, timed by the sender until the receiver's ack");
            if (s.Bidirectional is { } both)
            {
                yield return Make(PairMetrics.BidirectionalBandwidth, Unit.BytesPerSecond, Direction.Higher, low, high, both,
                    settings.LineRate * 2, "osu_bibw: both directions at once, bytes of both directions summed");
            }

            if (s.Latency is { } latency)
            {
                yield return Make(PairMetrics.Latency, Unit.Seconds, Direction.Lower, low, high, latency, null,
                    $"osu_latency: half the round trip of {settings.LatencyBytes}-byte messages, {settings.LatencyIterations} round trips per sample");
            }

            Measurement Make(string metric, string unit, Direction better, int from, int to, double[] samples, double? lineRate, string method)
            {
                var m = new Measurement
                {
                    Benchmark = PairMetrics.Benchmark,
                    Metric = metric,
                    Unit = unit,
                    Better = better,
                    Params = parameters,
                    Labels = new Dictionary<string, string> { [PairMetrics.FromLabel] = nodes.Hosts[from], [PairMetrics.ToLabel] = nodes.Hosts[to] },
                    Samples = samples,
                    Stats = SampleStatisticsEstimator.Estimate(samples, unit == Unit.Seconds ? SampleKind.Quantity : SampleKind.RateOfEqualWork),
                    Info = new Dictionary<string, string>(info) { [InfoKeys.Method] = method },
                };
                return lineRate is { } rate ? m with { Baseline = new BaselineComparison("link-rate", rate, m.Value / rate) } : m;
            }
        }
    }
}
