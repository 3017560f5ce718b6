using System.Text;

namespace AiBench.Reporting.Markdown;

/// <summary>Markdown helpers: cell escaping and pipe tables.</summary>
public static class MarkdownText
{
    /// <summary>Escapes what would break a table cell or be read as markup (pipes, HTML, line breaks).</summary>
    public static string Escape(string text)
    {
        var s = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\' or '|' or '<' or '`':
                    s.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    s.Append(' ');
                    break;
                default:
                    s.Append(c);
                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>A pipe table; cells are escaped here. <paramref name="rightAligned"/> marks numeric columns.</summary>
    public static void AppendTable(StringBuilder md, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned = null)
    {
        md.Append('|').AppendJoin('|', headers.Select(h => $" {Escape(h)} ")).Append("|\n");
        md.Append('|').AppendJoin('|', headers.Select((_, i) => rightAligned?.Contains(i) == true ? "---:" : "---")).Append("|\n");
        foreach (IReadOnlyList<string> row in rows)
        {
            md.Append('|').AppendJoin('|', row.Select(c => $" {Escape(c)} ")).Append("|\n");
        }

        md.Append('\n');
    }
}
