using System.Globalization;
using System.Text;
using System.Xml;
using AiBench.Core.Cluster;
using AiBench.Core.Results;
using AiBench.Reporting.JUnit;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// <c>junit.xml</c> of a cluster: one testsuite <c>cluster</c> with a testcase per node (<c>node:&lt;name&gt;</c>), per
/// pair (<c>pair:&lt;a&gt;-&lt;b&gt;</c>) and per collectives phase. A failure carries the reason; a node that did not
/// answer or could not run, and a pair that could not be measured, is an error.
/// </summary>
public static class ClusterJUnit
{
    public const string SuiteName = "cluster";

    /// <summary>The subject of findings on the collectives phase (as the analysis names it).</summary>
    public const string CollectivesSubject = "collectives";

    private static readonly HashSet<string> ErrorCategories = new(StringComparer.Ordinal) { "not-answering", "could-not-run" };

    private enum Outcome
    {
        Pass,
        Failure,
        Error,
        Skipped,
    }

    private sealed record Case(string ClassName, string Name, Outcome Outcome, string Message, string? Output);

    public static byte[] Render(ClusterResult result)
    {
        List<Case> cases = [.. result.Nodes.Select(n => NodeCase(result, n)), .. result.Pairs.Select(p => PairCase(result, p)), .. PhaseCases(result)];
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", XmlSafe.Text($"aibench cluster {result.ClusterId}"));
            WriteCounts(xml, cases);
            xml.WriteAttributeString("time", Seconds(result));
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", SuiteName);
            WriteCounts(xml, cases);
            xml.WriteAttributeString("skipped", Count(cases, Outcome.Skipped));
            xml.WriteAttributeString("time", Seconds(result));
            xml.WriteAttributeString("timestamp", result.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteStartElement("properties");
            WriteProperty(xml, "cluster", result.ClusterId);
            WriteProperty(xml, "tool", RunText.Tool(result.Tool));
            WriteProperty(xml, "launcher", result.Launcher);
            xml.WriteEndElement();
            foreach (Case c in cases)
            {
                WriteCase(xml, c);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static Case NodeCase(ClusterResult result, NodeResult node)
    {
        var findings = ClusterText.FindingsOf(result, node).ToList();
        bool error = node.State == NodeState.NotAnswering || node.Verdict == VerdictStatus.Error
            || findings.Any(f => ErrorCategories.Contains(f.Category));
        Outcome outcome = error ? Outcome.Error : ClusterText.IsFailure(node.Verdict) || findings.Count > 0 ? Outcome.Failure : Outcome.Pass;
        string output = $"host {node.Identity.Host}, machine id {ClusterText.ShortMachineId(node.Identity.MachineId)}, ranks {ClusterText.Ranks(node.Identity.Ranks)}, "
            + $"{ClusterText.Of(node.State)}, own verdict {EnumText.Of(node.OwnVerdict)}";
        return new Case("cluster.node", $"node:{node.Identity.Name}", outcome, ClusterText.NodeReason(result, node), output);
    }

    private static Case PairCase(ClusterResult result, PairResult pair)
    {
        bool measured = pair.BandwidthAToB is not null || pair.BandwidthBToA is not null;
        Outcome outcome = pair.Verdict == VerdictStatus.Error || !measured && !string.IsNullOrEmpty(pair.Reason) ? Outcome.Error
            : pair.Verdict == VerdictStatus.Fail ? Outcome.Failure
            : Outcome.Pass;
        string reason = pair.Reason is { Length: > 0 } r ? r
            : result.Findings.FirstOrDefault(f => f.Kind == ClusterSubjectKind.Link && f.Nodes.Contains(pair.A) && f.Nodes.Contains(pair.B))?.Reason
            ?? $"verdict {EnumText.Of(pair.Verdict)}";
        string output = $"{pair.A}→{pair.B} {ClusterText.Bandwidth(pair.BandwidthAToB)}, {pair.B}→{pair.A} {ClusterText.Bandwidth(pair.BandwidthBToA)}, "
            + $"bidir {ClusterText.Bandwidth(pair.BidirectionalBandwidth)}, latency {ClusterText.Latency(pair.Latency)}, "
            + $"ratio to fleet {ClusterText.Ratio(pair.RatioToFleet)}, to line rate {ClusterText.Ratio(pair.RatioToLineRate)}";
        return new Case("cluster.pair", $"pair:{pair.A}-{pair.B}", outcome, reason, output);
    }

    /// <summary>
    /// A case for the collectives phase (its phase entry and the findings on the collectives), and one for any other
    /// phase a finding blames (a pair phase that ended early), so no failure of the verdict is missing from CI.
    /// </summary>
    private static IEnumerable<Case> PhaseCases(ClusterResult result)
    {
        var phaseFindings = result.Findings.Where(f => f.Kind is not (ClusterSubjectKind.Node or ClusterSubjectKind.Link)).ToList();
        ClusterPhase? collectives = result.Phases.FirstOrDefault(p => p.Kind == ClusterPhaseKind.Collectives);
        var onCollectives = phaseFindings.Where(f => f.Subject == CollectivesSubject).ToList();
        if (collectives is not null || onCollectives.Count > 0)
        {
            yield return PhaseCase(CollectivesSubject, collectives, onCollectives);
        }

        foreach (var other in phaseFindings.Where(f => f.Subject != CollectivesSubject).GroupBy(f => f.Subject, StringComparer.Ordinal))
        {
            yield return PhaseCase($"phase:{other.Key}", result.Phases.FirstOrDefault(p => ClusterText.Of(p.Kind) == other.Key), other.ToList());
        }
    }

    private static Case PhaseCase(string name, ClusterPhase? phase, List<ClusterFinding> findings)
    {
        Outcome outcome = findings.Any(f => ErrorCategories.Contains(f.Category)) || phase?.Status == ClusterPhaseStatus.Partial ? Outcome.Error
            : findings.Count > 0 || phase?.Status == ClusterPhaseStatus.Failed ? Outcome.Failure
            : phase?.Status == ClusterPhaseStatus.Skipped ? Outcome.Skipped
            : Outcome.Pass;
        string message = findings.Count > 0 ? string.Join("; ", findings.Select(f => f.Reason))
            : phase?.Detail ?? (phase is null ? name : $"{name} {ClusterText.Of(phase.Status)}");
        string? output = phase is null ? null : $"{ClusterText.Of(phase.Status)} in {ClusterText.Seconds(phase.Seconds)}";
        return new Case("cluster.phase", name, outcome, message, output);
    }

    private static void WriteCase(XmlWriter xml, Case c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", c.ClassName);
        xml.WriteAttributeString("name", XmlSafe.Text(c.Name));
        if (c.Outcome is not Outcome.Pass)
        {
            xml.WriteStartElement(c.Outcome switch { Outcome.Failure => "failure", Outcome.Error => "error", _ => "skipped" });
            xml.WriteAttributeString("message", XmlSafe.Text(c.Message));
            if (c.Outcome is not Outcome.Skipped)
            {
                xml.WriteAttributeString("type", c.Outcome == Outcome.Failure ? "fail" : "error");
                xml.WriteString(XmlSafe.Text(c.Message));
            }

            xml.WriteEndElement();
        }

        if (c.Output is not null)
        {
            xml.WriteElementString("system-out", XmlSafe.Text(c.Output));
        }

        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<Case> cases)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", Count(cases, Outcome.Failure));
        xml.WriteAttributeString("errors", Count(cases, Outcome.Error));
    }

    private static string Count(IEnumerable<Case> cases, Outcome outcome) =>
        cases.Count(c => c.Outcome == outcome).ToString(CultureInfo.InvariantCulture);

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", XmlSafe.Text(value));
        xml.WriteEndElement();
    }

    private static string Seconds(ClusterResult result) =>
        Math.Max(0, (result.FinishedAt - result.StartedAt).TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
}
