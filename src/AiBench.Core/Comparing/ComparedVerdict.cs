using System.Text.Json.Serialization;

namespace AiBench.Core.Comparing;

/// <summary>How one measurement of a run compares with the same measurement of a base run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparedVerdict>))]
public enum ComparedVerdict
{
    /// <summary>No change beyond the threshold could be shown.</summary>
    [JsonStringEnumMemberName("same")]
    Same,

    [JsonStringEnumMemberName("better")]
    Better,

    [JsonStringEnumMemberName("worse")]
    Worse,

    /// <summary>A side has fewer than <see cref="Statistics.SampleComparer.MinSamplesForTest"/> samples: no test was made.</summary>
    [JsonStringEnumMemberName("not-enough-samples")]
    NotEnoughSamples,
}
