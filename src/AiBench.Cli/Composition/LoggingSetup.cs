using Microsoft.Extensions.Logging;

namespace AiBench.Cli.Composition;

/// <summary>Console logging to stderr (stdout stays for results); warnings by default, debug with --verbose.</summary>
internal static class LoggingSetup
{
    public static ILoggerFactory Create(bool verbose) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
}
