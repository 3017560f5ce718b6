using AiBench.Core.Errors;

namespace AiBench.Cli.Commands;

/// <summary>Parses <c>--set name=value</c> arguments.</summary>
internal static class SettingParser
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string> settings) =>
        settings.Select(text =>
        {
            int eq = text.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 && eq < text.Length - 1
                ? new KeyValuePair<string, string>(text[..eq].Trim(), text[(eq + 1)..].Trim())
                : throw new BadInputException($"--set '{text}' must look like name=value (e.g. --set dtype=bf16,fp16)");
        }).ToList();
}
