using System.Globalization;

namespace AiBench.Reporting.Tables;

/// <summary>
/// The rows of one benchmark and its columns: labels, % of peak and check appear only when a row fills them.
/// The verdict is always the last column.
/// </summary>
public sealed record BenchmarkTable(string Benchmark, IReadOnlyList<SummaryRow> Rows)
{
    /// <summary>The parameters every row shares ("" when none), said once instead of in every case cell.</summary>
    public string CommonParameters { get; init; } = "";

    public bool HasLabels => Rows.Any(r => r.Labels.Length > 0);

    public bool HasPeak => Rows.Any(r => r.PercentOfPeak is not null);

    public bool HasCorrectness => Rows.Any(r => r.Correctness is not null);

    public IReadOnlyList<string> BaselineSources =>
        Rows.Select(r => r.Measurement.Baseline?.Source).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Headers
    {
        get
        {
            var headers = new List<string> { "case" };
            if (HasLabels)
            {
                headers.Add("labels");
            }

            headers.AddRange(["metric", "median", "spread", "n"]);
            if (HasPeak)
            {
                headers.Add("% of peak");
            }

            if (HasCorrectness)
            {
                headers.Add("check");
            }

            headers.Add("verdict");
            return headers;
        }
    }

    /// <summary>Columns holding numbers (median and n), for right alignment.</summary>
    public ISet<int> NumericColumns
    {
        get
        {
            int median = HasLabels ? 3 : 2;
            return new HashSet<int> { median, median + 2 };
        }
    }

    public IReadOnlyList<string> Cells(SummaryRow row)
    {
        var cells = new List<string> { row.Case };
        if (HasLabels)
        {
            cells.Add(row.Labels);
        }

        cells.AddRange([row.Metric, row.Median, row.Spread, row.SampleCount.ToString(CultureInfo.InvariantCulture)]);
        if (HasPeak)
        {
            cells.Add(row.PercentOfPeak ?? "—");
        }

        if (HasCorrectness)
        {
            cells.Add(row.Correctness ?? "—");
        }

        cells.Add(row.Verdict);
        return cells;
    }
}
