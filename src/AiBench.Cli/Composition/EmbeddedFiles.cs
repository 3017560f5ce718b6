using System.Reflection;

namespace AiBench.Cli.Composition;

/// <summary>
/// The suites and vendor baselines shipped inside the binary (so a single-file build carries them);
/// resource names are <c>suites/quick.yaml</c>, <c>suites/baselines/gpus.yaml</c>.
/// </summary>
internal static class EmbeddedFiles
{
    private static readonly Assembly Assembly = typeof(EmbeddedFiles).Assembly;

    public static IEnumerable<(string Name, string Text)> Under(string folder)
    {
        string prefix = folder.TrimEnd('/') + "/";
        foreach (string name in Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            string rest = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : "";
            if (rest.Length > 0 && !rest.Contains('/', StringComparison.Ordinal))
            {
                yield return (rest, Read(name));
            }
        }
    }

    private static string Read(string name)
    {
        using Stream stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
