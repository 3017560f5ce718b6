using AiBench.Core.Results;
using AiBench.Reporting.Systems;

namespace AiBench.Reporting.Charts;

/// <summary>A measurement and the system it came from, while charts of several systems are planned.</summary>
internal sealed record SystemFigure(ReportedSystem System, Measurement Measurement);
