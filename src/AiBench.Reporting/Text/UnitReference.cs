namespace AiBench.Reporting.Text;

/// <summary>
/// The value whose unit prefix a whole column or axis takes: the median figure, so 753, 684 and 1345 TFLOP/s
/// share TFLOP/s in table and chart alike; the largest when the median would make it unreadably long (a sweep
/// from bytes to gigabytes per second).
/// </summary>
public static class UnitReference
{
    private const double MaxRatio = 100;

    public static double Of(IEnumerable<double> values)
    {
        List<double> sorted = values.Where(double.IsFinite).Select(Math.Abs).Where(v => v > 0).Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        double median = sorted[sorted.Count / 2];
        return sorted[^1] / median <= MaxRatio ? median : sorted[^1];
    }
}
