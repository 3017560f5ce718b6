using System.Text.Json.Serialization;

namespace AiBench.Core.Comparing;

/// <summary>The gate's decision on one measurement. Only <see cref="Regression"/> fails the gate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateOutcome>))]
public enum GateOutcome
{
    [JsonStringEnumMemberName("pass")]
    Pass,

    /// <summary>Worse with statistical confidence, and the median worse by more than threshold + noise allowance.</summary>
    [JsonStringEnumMemberName("regression")]
    Regression,

    /// <summary>Too few samples on a side to test; listed, not passed silently, and not failed (it shows nothing).</summary>
    [JsonStringEnumMemberName("not-enough-samples")]
    NotEnoughSamples,

    /// <summary>In the base run but not in the run gated (a case that vanished or failed to run); listed, not failed.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,
}
