using System.Text;

namespace AiBench.Reporting.Charts;

/// <summary>File-name-safe stems: only <c>[a-z0-9._-]</c>, no leading dot, unique within a set.</summary>
public static class ChartFileName
{
    private const int MaxLength = 100;

    public static string Sanitize(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
        {
            bool allowed = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-';
            char next = allowed ? c : '-';
            if (next == '-' && s.Length > 0 && s[^1] == '-')
            {
                continue;
            }

            s.Append(next);
        }

        string stem = s.ToString().Trim('.', '-');
        if (stem.Length > MaxLength)
        {
            stem = stem[..MaxLength].TrimEnd('.', '-');
        }

        return stem.Length == 0 ? "chart" : stem;
    }

    /// <summary>Sanitizes and appends <c>-2</c>, <c>-3</c>... until the stem is not in <paramref name="taken"/>; records it.</summary>
    public static string Unique(string text, ISet<string> taken)
    {
        string stem = Sanitize(text);
        string candidate = stem;
        for (int i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{stem}-{i}";
        }

        return candidate;
    }
}
