using System.Text.Json.Serialization;

namespace AiBench.Core.Results;

/// <summary>The verdict of a measurement, a rule or a whole run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerdictStatus>))]
public enum VerdictStatus
{
    /// <summary>No rule applied.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("pass")]
    Pass,

    [JsonStringEnumMemberName("fail")]
    Fail,

    /// <summary>The benchmark could not run (device, library or endpoint missing).</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
