namespace AiBench.Core.Parameters;

/// <summary>How a parameter's text is parsed and validated.</summary>
public enum ParameterKind
{
    /// <summary>A whole number (<c>8192</c>).</summary>
    Integer,

    /// <summary>A real number (<c>0.5</c>).</summary>
    Number,

    /// <summary>A size in bytes, with SI or IEC suffixes (<c>4k</c>, <c>1MiB</c>); see <see cref="Units.ByteSize"/>.</summary>
    Size,

    /// <summary>A duration (<c>500ms</c>, <c>2s</c>), stored in seconds.</summary>
    Duration,

    /// <summary>One word out of <see cref="ParameterDefinition.AllowedValues"/> (<c>bf16</c>).</summary>
    Choice,

    /// <summary>Free text (a path, an endpoint).</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
