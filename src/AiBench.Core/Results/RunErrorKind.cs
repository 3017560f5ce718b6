using System.Text.Json.Serialization;

namespace AiBench.Core.Results;

/// <summary>Why a benchmark or a case produced no figures; serialised as the strings run.json has always carried.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunErrorKind>))]
public enum RunErrorKind
{
    /// <summary>A required benchmark this machine cannot run (no device, library missing): exit 3.</summary>
    [JsonStringEnumMemberName("unavailable")]
    Unavailable,

    /// <summary>An optional benchmark this machine cannot run; it does not make the run partial.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>The case started but could not finish (endpoint unreachable, a rank dead): exit 3.</summary>
    [JsonStringEnumMemberName("could-not-run")]
    CouldNotRun,

    /// <summary>A value only the benchmark could judge when it ran (a target that does not exist): exit 2.</summary>
    [JsonStringEnumMemberName("bad-input")]
    BadInput,

    /// <summary>Ctrl-C or SIGTERM cut the case short; the samples taken before are kept.</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,

    /// <summary>An unexpected failure of the benchmark (a bug or a hardware fault), its type in the message.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
