using System.Text.Json.Serialization;

namespace AiBench.Core.Results;

/// <summary>Which way is better for a metric; every rule is evaluated direction-aware.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    [JsonStringEnumMemberName("higher")]
    Higher,

    [JsonStringEnumMemberName("lower")]
    Lower,
}
