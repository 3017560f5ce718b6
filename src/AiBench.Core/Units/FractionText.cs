namespace AiBench.Core.Units;

/// <summary>A fraction written as <c>0.75</c> or <c>75%</c>: a bare number or a ratio, from 0 to 10 (1000%).</summary>
public static class FractionText
{
    public static double Parse(string text)
    {
        Quantity q = Quantity.Parse(text);
        return q.Unit is null or Unit.Ratio && q.Value is >= 0 and <= 10
            ? q.Value
            : throw new FormatException($"'{text}' is not a fraction (write 0.75 or 75%)");
    }
}
