using System.Text;
using AiBench.Reporting;
using AiBench.Reporting.Csv;
using Xunit;

namespace AiBench.Tests.Reporting;

public class CsvExporterTests
{
    [Fact]
    public void Writes_a_header_and_one_row_per_measurement()
    {
        using var dir = new TempDirectory();
        IReadOnlyList<string> files = new CsvExporter().Export(ReportingSampleRun.Create(), dir.Path);

        Assert.Equal([dir.File(ReportFileNames.MeasurementsCsv)], files);
        List<List<string>> rows = Parse(File.ReadAllText(files[0]));
        Assert.Equal(
            "benchmark,metric,unit,better,params,labels,median,mean,min,max,stddev,cv,p5,p95,p99,ci_lower,ci_upper,n,"
            + "checked,wrong,baseline_source,baseline_value,efficiency,verdict,rule",
            string.Join(",", rows[0]));
        Assert.Equal(ReportingSampleRun.MeasurementCount, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(CsvExporter.Columns.Count, r.Count));
    }

    [Fact]
    public void Quotes_fields_with_commas_and_keeps_canonical_units()
    {
        string csv = CsvExporter.Render(ReportingSampleRun.Create());

        Assert.Contains(",\"nics=mlx5_0,mlx5_1;rank=0\",", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n", csv, StringComparison.Ordinal);
        List<List<string>> rows = Parse(csv);
        List<string> header = rows[0];
        List<string> fp8 = rows.Single(r => r[4].Contains("dtype=fp8-e4m3", StringComparison.Ordinal));
        Assert.Equal("dtype=fp8-e4m3;k=8192;m=8192;n=8192", fp8[header.IndexOf("params")]);
        Assert.Equal("FLOP/s", fp8[header.IndexOf("unit")]);
        Assert.True(double.Parse(fp8[header.IndexOf("median")], System.Globalization.CultureInfo.InvariantCulture) > 1e15);
        Assert.Equal("fail", fp8[header.IndexOf("verdict")]);
        Assert.Equal("efficiency >= 0.70", fp8[header.IndexOf("rule")]);
        Assert.Equal("1978900000000000", fp8[header.IndexOf("baseline_value")]);
        Assert.Equal("20", fp8[header.IndexOf("n")]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Field_quoting_follows_rfc_4180(string field, string expected) =>
        Assert.Equal(expected, CsvField.Escape(field));

    /// <summary>A minimal RFC 4180 reader, independent of the writer under test.</summary>
    internal static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
