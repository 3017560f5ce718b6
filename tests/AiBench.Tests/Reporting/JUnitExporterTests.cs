using System.Xml.Linq;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.JUnit;
using Xunit;

namespace AiBench.Tests.Reporting;

public class JUnitExporterTests
{
    [Fact]
    public void One_suite_per_benchmark_one_case_per_measurement_with_failures_and_errors()
    {
        using var dir = new TempDirectory();
        Run run = ReportingSampleRun.Create();
        string path = Assert.Single(new JUnitExporter().Export(run, dir.Path));
        Assert.Equal(dir.File(ReportFileNames.JUnitXml), path);

        XDocument doc = XDocument.Load(path);
        XElement root = doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        int expectedTests = run.Measurements.Count + run.Errors.Count + run.RuleFailures.Count;
        Assert.Equal(expectedTests, (int)root.Attribute("tests")!);
        Assert.Equal(2, (int)root.Attribute("failures")!);
        Assert.Equal(1, (int)root.Attribute("errors")!);
        Assert.Equal(2, root.Descendants("failure").Count());
        Assert.Single(root.Descendants("error"));
        Assert.Equal(["gpu.matmul", "net.allreduce", "storage.s3", JUnitExporter.RulesSuite],
            root.Elements("testsuite").Select(s => (string)s.Attribute("name")!));

        XElement fp8 = root.Descendants("testcase").Single(c => ((string)c.Attribute("name")!).Contains("fp8", StringComparison.Ordinal));
        Assert.Equal("throughput[dtype=fp8-e4m3,k=8192,m=8192,n=8192]{device=0}", (string)fp8.Attribute("name")!);
        Assert.Equal("gpu.matmul", (string)fp8.Attribute("classname")!);
        Assert.Equal("efficiency >= 0.70", (string)fp8.Element("failure")!.Attribute("message")!);
        Assert.Contains("PFLOP/s", fp8.Element("failure")!.Value, StringComparison.Ordinal);

        XElement s3 = root.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "storage.s3");
        Assert.Equal(ReportingSampleRun.ErrorMessage, (string)s3.Descendants("error").Single().Attribute("message")!);
    }

    [Fact]
    public void Measurements_without_a_rule_pass_and_control_characters_are_dropped()
    {
        Run run = ReportingSampleRun.Create() with
        {
            Errors = [new RunError("storage.io", RunErrorKind.Failed, "fio said \u0001\u001b[31mboom")],
            RuleFailures = [],
        };
        XDocument doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(JUnitExporter.Render(run)));
        XElement sweep = doc.Root!.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "net.allreduce");
        Assert.Equal("0", (string)sweep.Attribute("failures")!);
        Assert.All(sweep.Elements("testcase"), c => Assert.Null(c.Element("failure")));
        Assert.Equal("fio said [31mboom", (string)doc.Descendants("error").Single().Attribute("message")!);
    }
}
