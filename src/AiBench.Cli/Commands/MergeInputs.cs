using AiBench.Core.Errors;
using AiBench.Core.Fleet;
using AiBench.Core.Results;

namespace AiBench.Cli.Commands;

/// <summary>
/// The runs <c>aibench merge</c> is given, checked before any judging: enough of them to compare nodes, and no run
/// given twice (the same file, or the same run id under two folders), which would count one node as two, and figures
/// the runs share: runs of different suites, or whose every case failed, have nothing to compare, and a merge that
/// judged nothing passed with exit 0.
/// </summary>
internal static class MergeInputs
{
    /// <exception cref="BadInputException">Too few runs, a run given twice, a run that does not load, or no shared figure.</exception>
    public static IReadOnlyList<Run> Load(IReadOnlyList<string> inputs)
    {
        if (inputs.Count < FleetAnalyzer.MinimumNodes)
        {
            throw new BadInputException(
                $"merge compares nodes against each other and needs at least {FleetAnalyzer.MinimumNodes} runs (got {inputs.Count})");
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string input in inputs)
        {
            string file = Path.GetFullPath(Directory.Exists(input) ? Path.Combine(input, RunFile.FileName) : input);
            if (!files.TryAdd(file, input))
            {
                throw new BadInputException($"'{input}' is given twice ({file}); give each node's run once");
            }
        }

        var runs = inputs.Select(RunFile.Read).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < runs.Count; i++)
        {
            if (!ids.TryAdd(runs[i].RunId, inputs[i]))
            {
                throw new BadInputException($"'{ids[runs[i].RunId]}' and '{inputs[i]}' hold the same run ({runs[i].RunId}); give each node's run once");
            }
        }

        int shared = runs.SelectMany(r => r.Measurements.Select(m => m.Key).Distinct())
            .GroupBy(key => key, StringComparer.Ordinal)
            .Count(g => g.Count() >= FleetAnalyzer.MinimumNodes);
        if (shared == 0)
        {
            throw new BadInputException($"the {runs.Count} runs share no figure (benchmark, metric, parameters and labels) in at least "
                + $"{FleetAnalyzer.MinimumNodes} of them: nothing to compare; merge runs of the same suite");
        }

        return runs;
    }
}
