using System.Globalization;
using System.Text;
using System.Xml;
using AiBench.Core.Results;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.JUnit;

/// <summary>
/// <c>junit.xml</c> for CI: one testsuite per benchmark, one testcase per measurement (its metric, params and
/// labels), a failure when its verdict failed and an error when it could not run. Run errors are error
/// testcases of their benchmark; rule outcomes without a measurement form a suite of their own.
/// A measurement no rule applied to is a passing testcase.
/// </summary>
public sealed class JUnitExporter : IRunExporter
{
    public const string RulesSuite = "aibench.rules";

    public string Name => "junit";

    public IReadOnlyList<string> Export(Run run, string runDirectory)
    {
        string path = Path.Combine(runDirectory, ReportFileNames.JUnitXml);
        AtomicFile.WriteAllBytes(path, Render(run));
        return [path];
    }

    public static byte[] Render(Run run)
    {
        List<Suite> suites = BuildSuites(run);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", XmlSafe.Text($"aibench {run.RunId}"));
            WriteCounts(xml, suites.SelectMany(s => s.Cases).ToList());
            xml.WriteAttributeString("time", Seconds(run.FinishedAt - run.StartedAt));
            foreach (Suite suite in suites)
            {
                WriteSuite(xml, run, suite);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private sealed record Case(string ClassName, string Name, VerdictStatus Outcome, string Message, string Details, string? Output);

    private sealed record Suite(string Name, List<Case> Cases);

    private static List<Suite> BuildSuites(Run run)
    {
        var suites = new List<Suite>();
        Suite SuiteOf(string name)
        {
            Suite? suite = suites.Find(s => s.Name == name);
            if (suite is null)
            {
                suite = new Suite(name, []);
                suites.Add(suite);
            }

            return suite;
        }

        foreach (Measurement m in run.Measurements)
        {
            SuiteOf(m.Benchmark).Cases.Add(MeasurementCase(m));
        }

        foreach (RunError e in run.Errors)
        {
            string name = e.Case is null ? $"error: {e.Kind.Text()}" : $"error: {e.Kind.Text()} [{e.Case}]";
            SuiteOf(e.Benchmark).Cases.Add(new Case(e.Benchmark, name, VerdictStatus.Error, e.Message, e.Message, null));
        }

        foreach (MeasurementVerdict rule in run.RuleFailures)
        {
            SuiteOf(RulesSuite).Cases.Add(new Case(RulesSuite, rule.Rule, rule.Status, rule.Rule, rule.Detail ?? rule.Rule, null));
        }

        return suites;
    }

    private static Case MeasurementCase(Measurement m)
    {
        VerdictStatus outcome = m.Verdict?.Status ?? VerdictStatus.None;
        string figure = $"median {MeasurementText.Median(m)}, n={MeasurementText.SampleCount(m).ToString(CultureInfo.InvariantCulture)}";
        if (MeasurementText.PercentOfPeak(m) is { } peak)
        {
            figure += $", {peak} ({m.Baseline!.Source})";
        }

        if (MeasurementText.Correctness(m) is { } correct)
        {
            figure += $", check: {correct}";
        }

        string details = m.Verdict?.Detail is { Length: > 0 } detail ? $"{figure}; {detail}" : figure;
        return new Case(m.Benchmark, MeasurementText.KeyWithinBenchmark(m), outcome, m.Verdict?.Rule ?? string.Empty, details, figure);
    }

    private static void WriteSuite(XmlWriter xml, Run run, Suite suite)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", XmlSafe.Text(suite.Name));
        WriteCounts(xml, suite.Cases);
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("timestamp", run.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", XmlSafe.Text(run.System.Host));
        xml.WriteStartElement("properties");
        WriteProperty(xml, "run", run.RunId);
        WriteProperty(xml, "tool", RunText.Tool(run.Tool));
        xml.WriteEndElement();
        foreach (Case c in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", XmlSafe.Text(c.ClassName));
            xml.WriteAttributeString("name", XmlSafe.Text(c.Name));
            if (c.Outcome is VerdictStatus.Fail or VerdictStatus.Error)
            {
                xml.WriteStartElement(c.Outcome == VerdictStatus.Fail ? "failure" : "error");
                xml.WriteAttributeString("message", XmlSafe.Text(c.Message));
                xml.WriteAttributeString("type", EnumText.Of(c.Outcome));
                xml.WriteString(XmlSafe.Text(c.Details));
                xml.WriteEndElement();
            }

            if (c.Output is not null)
            {
                xml.WriteElementString("system-out", XmlSafe.Text(c.Output));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<Case> cases)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", cases.Count(c => c.Outcome == VerdictStatus.Fail).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", cases.Count(c => c.Outcome == VerdictStatus.Error).ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", XmlSafe.Text(value));
        xml.WriteEndElement();
    }

    private static string Seconds(TimeSpan time) =>
        Math.Max(0, time.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
}
