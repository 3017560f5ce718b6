using AiBench.Core.Errors;
using AiBench.Core.Hosts;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The files the AWS SDK reads by itself, unbounded: the shared config and credentials files and a web identity token.
/// A FIFO there blocked the run forever and /dev/zero was read without end, inside the SDK, where no timeout reaches;
/// so each is checked to be a regular file (or absent) before the SDK is asked for anything.
/// </summary>
internal static class AwsSdkFiles
{
    private static readonly (string Variable, string? Default)[] Files =
    [
        ("AWS_CONFIG_FILE", Path.Combine(".aws", "config")),
        ("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(".aws", "credentials")),
        ("AWS_WEB_IDENTITY_TOKEN_FILE", null),
    ];

    /// <exception cref="BadInputException">One of the files is a FIFO, a device, a directory or a socket.</exception>
    public static void Check(Func<string, string?> environment)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach ((string variable, string? fallback) in Files)
        {
            string? given = environment(variable);
            string? path = string.IsNullOrEmpty(given) ? fallback is null || home.Length == 0 ? null : Path.Combine(home, fallback) : given;
            if (path is not null && FileTypes.Describe(path) is { } what)
            {
                throw new BadInputException(string.IsNullOrEmpty(given)
                    ? $"'{path}', which the AWS SDK reads, is {what}, not a regular file"
                    : $"{variable}: '{path}' is {what}, not a regular file");
            }
        }
    }
}
