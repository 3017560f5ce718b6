using System.Text.Json.Serialization;

namespace AiBench.Core.Results;

/// <summary>
/// The reading side of <see cref="RunJsonContext"/>: the same shape, but an explicit <c>null</c> where the model says
/// non-nullable is an error naming its path instead of a null that crashes a reader later, and an integer may carry a zero
/// fraction as JSON Schema allows.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectNullableAnnotations = true,
    Converters = [typeof(IntegralInt32Converter), typeof(IntegralInt64Converter)])]
[JsonSerializable(typeof(Run))]
internal sealed partial class RunReadingJsonContext : JsonSerializerContext;
