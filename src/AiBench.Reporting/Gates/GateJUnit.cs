using System.Globalization;
using System.Text;
using System.Xml;
using AiBench.Core.Comparing;
using AiBench.Reporting.JUnit;

namespace AiBench.Reporting.Gates;

/// <summary>
/// The gate as JUnit XML: one testsuite per benchmark, one testcase per measurement. A regression is a failure whose
/// text has the figures; too few samples and a missing measurement are skipped cases with the reason, so CI shows them
/// without failing on them.
/// </summary>
public static class GateJUnit
{
    public const string SuitePrefix = "aibench.gate.";

    public static byte[] Render(GateResult gate)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", XmlSafe.Text($"aibench gate {gate.Comparison.Run.RunId} vs {gate.Comparison.Base.RunId}"));
            WriteCounts(xml, gate.Findings);
            foreach (IGrouping<string, GateFinding> suite in gate.Findings.GroupBy(f => f.Measurement.Benchmark, StringComparer.Ordinal))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", XmlSafe.Text(SuitePrefix + suite.Key));
                WriteCounts(xml, suite.ToList());
                foreach (GateFinding f in suite)
                {
                    WriteCase(xml, f);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteCase(XmlWriter xml, GateFinding f)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", XmlSafe.Text(SuitePrefix + f.Measurement.Benchmark));
        xml.WriteAttributeString("name", XmlSafe.Text(FigureName.WithinBenchmark(f.Measurement)));
        switch (f.Outcome)
        {
            case GateOutcome.Regression:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", XmlSafe.Text(f.Reason));
                xml.WriteAttributeString("type", "regression");
                xml.WriteString(XmlSafe.Text(f.Reason));
                xml.WriteEndElement();
                break;
            case GateOutcome.NotEnoughSamples or GateOutcome.Missing:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", XmlSafe.Text($"{GateText.Outcome(f.Outcome)}: {f.Reason}"));
                xml.WriteEndElement();
                break;
        }

        xml.WriteElementString("system-out", XmlSafe.Text(f.Reason));
        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyCollection<GateFinding> findings)
    {
        xml.WriteAttributeString("tests", findings.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", findings.Count(f => f.Outcome == GateOutcome.Regression).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", findings.Count(f => f.Outcome is GateOutcome.NotEnoughSamples or GateOutcome.Missing).ToString(CultureInfo.InvariantCulture));
    }
}
