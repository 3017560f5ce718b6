using AiBench.Core.Errors;
using AiBench.Core.Units;

namespace AiBench.Core.Baselines;

/// <summary>
/// The <c>link-rate</c> a collective or a pair is judged by: a rate (<c>400gbit</c>, <c>25GB/s</c>) or the name of a
/// link in the datasheet catalog (<c>ib-ndr</c>, <c>roce-200</c>, <c>nvlink4</c>, <c>pcie5-x16</c>), so an acceptance
/// run can say which fabric it expects instead of doing the arithmetic.
/// </summary>
public static class LinkRate
{
    public const string Auto = "auto";

    /// <summary>The rate per direction in B/s, or null for <c>auto</c>; bad input names the parameter.</summary>
    public static double? Parse(string parameter, string text, BaselineCatalog catalog)
    {
        if (string.Equals(text, Auto, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (catalog.FindLinkRate(text) is { } named)
        {
            return named;
        }

        double rate;
        try
        {
            rate = DataRate.ParseBytesPerSecond(text);
        }
        catch (FormatException e)
        {
            string names = string.Join(", ", catalog.LinkIds);
            throw new BadInputException($"parameter '{parameter}': {e.Message}" + (names.Length > 0 ? $", or a link: {names}" : ""));
        }

        return rate > 0 ? rate : throw new BadInputException($"parameter '{parameter}': '{text}' must be above 0");
    }
}
