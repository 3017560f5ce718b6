using System.Globalization;
using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>
/// What a run says about itself, as findings on its subject (a node, or the collectives): wrong results
/// (<see cref="Correctness.Wrong"/> &gt; 0), its own rules failed (verdict fail), benchmarks that could not run
/// (verdict error), and a bad input met while running, which a run on its own answers with exit 2 even when its
/// verdict passed (an optional entry's case refused on this node) — in a cluster it must not pass unseen.
/// </summary>
internal static class RunChecks
{
    public static IEnumerable<ClusterFinding> Judge(Run run, ClusterSubjectKind kind, string subject, IReadOnlyList<string> nodes, FigureNames names)
    {
        var wrong = run.Measurements.Where(m => m.Correct is { Wrong: > 0 }).ToList();
        if (wrong.Count > 0)
        {
            Measurement first = wrong[0];
            yield return Finding(kind, subject, nodes, FindingCategory.WrongResults,
                $"{subject}: {names[first.Key]}: {Count(first.Correct!.Wrong)} of {Count(first.Correct.Checked)} values wrong{More(wrong.Count - 1, "figure")}",
                first.Key);
        }

        if (run.Verdict == VerdictStatus.Fail)
        {
            var failed = run.Measurements.Where(m => m.Verdict?.Status == VerdictStatus.Fail)
                .Select(m => (Figure: (string?)m.Key, Text: $"{names[m.Key]} failed {m.Verdict!.Rule}"))
                .Concat(run.RuleFailures.Where(v => v.Status == VerdictStatus.Fail)
                    .Select(v => (Figure: (string?)null, Text: v.Detail is null ? $"failed {v.Rule}" : $"failed {v.Rule} ({v.Detail})")))
                .ToList();
            yield return failed.Count == 0
                ? Finding(kind, subject, nodes, FindingCategory.Rule, $"{subject}: its run failed its rules", null)
                : Finding(kind, subject, nodes, FindingCategory.Rule, $"{subject}: {failed[0].Text}{More(failed.Count - 1, "rule")}", failed[0].Figure);
        }
        else if (run.Verdict == VerdictStatus.Error)
        {
            yield return run.Errors.Count == 0
                ? Finding(kind, subject, nodes, FindingCategory.CouldNotRun, $"{subject}: its run ended in error", null)
                : Finding(kind, subject, nodes, FindingCategory.CouldNotRun,
                    $"{subject}: {run.Errors[0].Benchmark} could not run: {run.Errors[0].Message}{More(run.Errors.Count - 1, "error")}", null);
        }

        if (run.Verdict != VerdictStatus.Error && run.Errors.Where(e => e.Kind == RunErrorKind.BadInput).ToList() is [var bad, .. var more])
        {
            yield return Finding(kind, subject, nodes, FindingCategory.CouldNotRun,
                $"{subject}: {bad.Benchmark}: bad input: {bad.Message}{More(more.Count, "error")}", null);
        }
    }

    private static ClusterFinding Finding(ClusterSubjectKind kind, string subject, IReadOnlyList<string> nodes, string category, string reason, string? figure) => new()
    {
        Kind = kind,
        Subject = subject,
        Nodes = nodes,
        Category = category,
        Reason = reason,
        Figure = figure,
    };

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string More(int n, string what) => n switch
    {
        0 => "",
        1 => $" (and 1 more {what})",
        _ => $" (and {Count(n)} more {what}s)",
    };
}
