using System.Text;
using AiBench.Core.Results;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Csv;

/// <summary>
/// <c>measurements.csv</c>: one row per measurement, canonical units (no scaling), invariant culture,
/// RFC 4180 (CRLF line ends). Parameters and labels are single <c>k=v;k=v</c> columns so the header is the
/// same for every run and files from different suites concatenate.
/// </summary>
public sealed class CsvExporter : IRunExporter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "benchmark", "metric", "unit", "better", "params", "labels",
        "median", "mean", "min", "max", "stddev", "cv", "p5", "p95", "p99", "ci_lower", "ci_upper", "n",
        "checked", "wrong", "baseline_source", "baseline_value", "efficiency", "verdict", "rule",
    ];

    private const string LineEnd = "\r\n";

    public string Name => "csv";

    public IReadOnlyList<string> Export(Run run, string runDirectory)
    {
        string path = Path.Combine(runDirectory, ReportFileNames.MeasurementsCsv);
        AtomicFile.WriteAllText(path, Render(run));
        return [path];
    }

    public static string Render(Run run)
    {
        var text = new StringBuilder(256 * (run.Measurements.Count + 1));
        text.AppendJoin(',', Columns).Append(LineEnd);
        var fields = new string[Columns.Count];
        foreach (Measurement m in run.Measurements)
        {
            Fill(fields, m);
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(CsvField.Escape(fields[i]));
            }

            text.Append(LineEnd);
        }

        return text.ToString();
    }

    private static void Fill(string[] f, Measurement m)
    {
        var s = m.Stats;
        f[0] = m.Benchmark;
        f[1] = m.Metric;
        f[2] = m.Unit;
        f[3] = EnumText.Of(m.Better);
        f[4] = MeasurementText.CanonicalParams(m.Params);
        f[5] = MeasurementText.CanonicalLabels(m.Labels);
        f[6] = InvariantNumber.Format(m.Value);
        f[7] = Optional(s?.Mean);
        f[8] = Optional(s?.Min);
        f[9] = Optional(s?.Max);
        f[10] = Optional(s?.StdDev);
        f[11] = Optional(s?.Cv);
        f[12] = Optional(s?.P5);
        f[13] = Optional(s?.P95);
        f[14] = Optional(s?.P99);
        f[15] = Optional(s?.CiLower);
        f[16] = Optional(s?.CiUpper);
        f[17] = InvariantNumber.Format(MeasurementText.SampleCount(m));
        f[18] = m.Correct is { } c ? InvariantNumber.Format(c.Checked) : string.Empty;
        f[19] = m.Correct is { } w ? InvariantNumber.Format(w.Wrong) : string.Empty;
        f[20] = m.Baseline?.Source ?? string.Empty;
        f[21] = Optional(m.Baseline?.Value);
        f[22] = Optional(m.Baseline?.Efficiency);
        f[23] = EnumText.Of(m.Verdict?.Status ?? VerdictStatus.None);
        f[24] = m.Verdict?.Rule ?? string.Empty;
    }

    private static string Optional(double? value) => value is { } v ? InvariantNumber.Format(v) : string.Empty;
}
