using AiBench.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiBench.Core.Suites;

/// <summary>
/// Loads suite text into one YAML mapping, bounded in size, depth and aliases (<see cref="BoundedYamlParser"/>).
/// YamlDotNet reports some malformed input with exceptions other than <see cref="YamlException"/> (the scanner's
/// InvalidOperationException, ArgumentException on duplicate keys...): each such kind becomes bad input with the
/// place the scanner had reached.
/// </summary>
internal static class SuiteYaml
{
    public static YamlMappingNode Load(string yaml, string origin)
    {
        if (yaml.Length > SuiteFile.MaxBytes)
        {
            throw new BadInputException($"{origin}: a suite may be at most {SuiteFile.MaxBytes / 1024} KiB, this one has {yaml.Length} characters");
        }

        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(new Parser(scanner)));
        }
        catch (YamlException e)
        {
            throw new BadInputException($"{origin}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException
            or IndexOutOfRangeException or InvalidCastException)
        {
            Mark at = scanner.CurrentPosition;
            // These messages describe the reader's state, not the text ("Operation is not valid..."): give a hint instead.
            throw new BadInputException(
                $"{origin}: not valid YAML near line {at.Line}, column {at.Column} (look for an unclosed bracket or quote, or a repeated key)");
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new BadInputException($"{origin}: a suite must be one YAML mapping with 'name' and 'benchmarks'");
    }

    // YamlDotNet wraps the cause (a duplicate key...) in an outer exception whose message only repeats the place.
    private static string Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e.Message;
}
