using System.Text.Json.Serialization;

namespace AiBench.Core.Parameters;

/// <summary>How a parameter's text is parsed and validated; run.json names it in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParameterKind>))]
public enum ParameterKind
{
    /// <summary>A whole number (<c>8192</c>).</summary>
    [JsonStringEnumMemberName("integer")]
    Integer,

    /// <summary>A real number (<c>0.5</c>).</summary>
    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary>A size in bytes, with SI or IEC suffixes (<c>4k</c>, <c>1MiB</c>); see <see cref="Units.ByteSize"/>.</summary>
    [JsonStringEnumMemberName("size")]
    Size,

    /// <summary>A duration (<c>500ms</c>, <c>2s</c>), stored in seconds.</summary>
    [JsonStringEnumMemberName("duration")]
    Duration,

    /// <summary>One word out of <see cref="ParameterDefinition.AllowedValues"/> (<c>bf16</c>).</summary>
    [JsonStringEnumMemberName("choice")]
    Choice,

    /// <summary>Free text (a path, an endpoint).</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    [JsonStringEnumMemberName("boolean")]
    Boolean,
}
