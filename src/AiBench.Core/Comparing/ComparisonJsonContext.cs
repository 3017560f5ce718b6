using System.Text.Json.Serialization;

namespace AiBench.Core.Comparing;

/// <summary>Source-generated JSON for <c>compare.json</c> (aibench.compare/1) and the gate's decision (aibench.gate/1) and history.json (aibench.history/1).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunComparison))]
[JsonSerializable(typeof(GateResult))]
[JsonSerializable(typeof(History.RunHistory))]
public sealed partial class ComparisonJsonContext : JsonSerializerContext;
