using System.Text.Json;
using System.Text.Json.Serialization;
using AiBench.Core.Hosts;

namespace AiBench.Core.Results;

/// <summary>Source-generated serialisation of the result schema (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(SystemInfo))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class RunJsonContext : JsonSerializerContext;
