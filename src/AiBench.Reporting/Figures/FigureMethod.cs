using System.Globalization;
using System.Text.RegularExpressions;
using AiBench.Core.Results;
using AiBench.Core.Units;

namespace AiBench.Reporting.Figures;

/// <summary>
/// One line saying how a figure was measured, from its run.json <c>info</c>: what is counted, the problem size,
/// the samples and why sampling stopped. Only what was recorded is said.
/// </summary>
public static partial class FigureMethod
{
    // First recorded wins: each names what the benchmark counted or how it moved the data.
    private static readonly string[] CountedKeys = [InfoKeys.BytesCounted, InfoKeys.Method, InfoKeys.ComputeType, InfoKeys.Kernel, InfoKeys.Transport];

    private static readonly (string Key, string Label)[] SizeKeys =
    [
        (InfoKeys.ArrayBytes, "array"), (InfoKeys.TransferBytes, "transfer"), (InfoKeys.CopyBytes, "copy"),
        (InfoKeys.WorkingSetBytes, "working set"), (InfoKeys.AlgorithmBytes, "message"),
    ];

    private static readonly (string Key, string Label)[] RepeatKeys =
    [
        (InfoKeys.ProductsPerSample, "products"), (InfoKeys.LaunchesPerSample, "launches"), (InfoKeys.CopiesPerSample, "copies"), (InfoKeys.Iterations, "iterations"),
    ];

    public static string Of(Measurement m)
    {
        IReadOnlyDictionary<string, string> info = m.Info ?? new Dictionary<string, string>();
        var parts = new List<string>();
        if (CountedKeys.Select(info.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } counted)
        {
            parts.Add(counted);
        }

        foreach ((string key, string label) in SizeKeys)
        {
            if (info.TryGetValue(key, out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double bytes))
            {
                parts.Add($"{label} {ByteSize.FormatBinary(bytes)}");
                break;
            }
        }

        if (info.GetValueOrDefault(InfoKeys.Ranks) is { } ranks)
        {
            parts.Add(ranks == "1" ? "1 rank" : $"{ranks} ranks");
        }

        int n = m.Stats?.N ?? m.Samples.Count;
        string samples = string.Create(CultureInfo.InvariantCulture, $"{n} sample{(n == 1 ? "" : "s")}");
        if (RepeatKeys.FirstOrDefault(r => info.ContainsKey(r.Key)) is { Key: not null } repeat)
        {
            samples += $" of {info[repeat.Key]} {repeat.Label}";
        }

        parts.Add(samples);
        if (info.GetValueOrDefault(InfoKeys.StopReason) is { Length: > 0 } stop)
        {
            parts.Add("stopped: " + Words(stop));
        }

        return string.Join("; ", parts);
    }

    /// <summary><c>TargetPrecision</c> → <c>target precision</c>.</summary>
    private static string Words(string pascal) => CapitalInside().Replace(pascal, " $1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CapitalInside();
}
