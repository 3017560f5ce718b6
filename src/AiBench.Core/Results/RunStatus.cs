using System.Text.Json.Serialization;

namespace AiBench.Core.Results;

[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    [JsonStringEnumMemberName("complete")]
    Complete,

    /// <summary>Interrupted, or some benchmarks could not run; what was measured is still written.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
