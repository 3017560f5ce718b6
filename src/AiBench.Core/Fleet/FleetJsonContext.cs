using System.Text.Json.Serialization;

namespace AiBench.Core.Fleet;

/// <summary>Source-generated JSON for <c>fleet.json</c>, written by <c>aibench merge</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<FleetFinding>))]
public sealed partial class FleetJsonContext : JsonSerializerContext;
