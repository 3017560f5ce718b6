namespace AiBench.Reporting.Csv;

/// <summary>RFC 4180 field quoting: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
public static class CsvField
{
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
