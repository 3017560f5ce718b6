using System.Text;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Files;

namespace AiBench.Core.Suites;

/// <summary>
/// Reads a suite file with bounds checked before any parsing: only a regular file (a device such as /dev/zero never
/// ends, a FIFO blocks on open), at most <see cref="MaxBytes"/>, read through a bounded buffer, strict UTF-8. A leading
/// byte order mark (Windows editors write one; YAML allows it) is skipped, not read as part of the first key.
/// </summary>
public static class SuiteFile
{
    /// <summary>1 MiB: the largest shipped suite is a few KiB.</summary>
    public const int MaxBytes = 1 << 20;

    public static string Read(string path)
    {
        if (FileTypes.Describe(path) is { } notRegular)
        {
            throw new BadInputException($"suite '{path}' is {notRegular}, not a regular file");
        }

        byte[] buffer = new byte[MaxBytes + 1];
        int length = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            for (int read; length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0;)
            {
                length += read;
            }
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            throw new BadInputException($"cannot read suite '{path}': {e.Message}");
        }

        if (length > MaxBytes)
        {
            throw new BadInputException($"suite '{path}' is larger than {MaxBytes / 1024} KiB");
        }

        int start = buffer.AsSpan(0, length).StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, start, length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new BadInputException($"suite '{path}' is not UTF-8 text (byte {e.Index})");
        }
    }
}
