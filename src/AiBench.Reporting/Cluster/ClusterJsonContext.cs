using System.Text.Json;
using System.Text.Json.Serialization;
using AiBench.Core.Cluster;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// Source-generated serialisation of <c>cluster.json</c> (schema <c>aibench.cluster/1</c>), with the options of
/// <c>run.json</c>. Matrix rows are written on one line each (<see cref="MatrixRowsConverter"/>): indented, an n × n
/// matrix would spend a line per cell.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(MatrixRowsConverter)])]
[JsonSerializable(typeof(ClusterResult))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ClusterJsonContext : JsonSerializerContext;
