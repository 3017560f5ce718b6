using System.Globalization;

namespace AiBench.Cuda;

/// <summary>A device's compute capability (9.0 = Hopper, 8.9 = Ada, 8.0 = Ampere A100, 10.0 = Blackwell B200).</summary>
public readonly record struct ComputeCapability(int Major, int Minor) : IComparable<ComputeCapability>
{
    /// <summary>major·10 + minor, as in <c>sm_90</c>.</summary>
    public int Number => Major * 10 + Minor;

    public bool IsAtLeast(int major, int minor) => this >= new ComputeCapability(major, minor);

    public int CompareTo(ComputeCapability other) => Number.CompareTo(other.Number);

    public static bool operator <(ComputeCapability left, ComputeCapability right) => left.CompareTo(right) < 0;

    public static bool operator >(ComputeCapability left, ComputeCapability right) => left.CompareTo(right) > 0;

    public static bool operator <=(ComputeCapability left, ComputeCapability right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ComputeCapability left, ComputeCapability right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
