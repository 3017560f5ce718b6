using AiBench.Core.Results;

namespace AiBench.Reporting.Charts;

/// <summary><c>charts/&lt;benchmark&gt;.&lt;metric&gt;.svg</c> and <c>.png</c> for every chart <see cref="ChartPlanner"/> plans.</summary>
/// <param name="label">The system's name in the legends (<c>--label</c>); null for the default.</param>
public sealed class ChartExporter(string? label = null) : IRunExporter
{
    public string Name => "charts";

    public IReadOnlyList<string> Export(Run run, string runDirectory) => Write(ChartPlanner.Plan(run, label), runDirectory);

    /// <summary>Renders the charts into <c>charts/</c> under <paramref name="directory"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ChartSpec> specs, string directory)
    {
        if (specs.Count == 0)
        {
            return [];
        }

        string folder = Path.Combine(directory, ReportFileNames.ChartsFolder);
        Directory.CreateDirectory(folder);
        var written = new List<string>(specs.Count * 2);
        foreach (ChartSpec spec in specs)
        {
            ChartImage image = ChartRenderer.Render(spec);
            string svg = Path.Combine(folder, spec.SvgFileName);
            string png = Path.Combine(folder, spec.PngFileName);
            AtomicFile.WriteAllText(svg, image.Svg);
            AtomicFile.WriteAllBytes(png, image.Png);
            written.Add(svg);
            written.Add(png);
        }

        return written;
    }
}
