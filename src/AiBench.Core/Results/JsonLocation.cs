using System.Globalization;
using System.Text;

namespace AiBench.Core.Results;

/// <summary>Writes a JSON pointer (<c>/measurements/3/samples</c>) as the JSON path users read (<c>$.measurements[3].samples</c>).</summary>
public static class JsonLocation
{
    public static string FromPointer(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (string raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                path.Append('[').Append(index).Append(']');
            }
            else if (segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                path.Append('.').Append(segment);
            }
            else
            {
                path.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return path.ToString();
    }
}
