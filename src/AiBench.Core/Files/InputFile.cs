using AiBench.Core.Errors;

namespace AiBench.Core.Files;

/// <summary>
/// Reads a file AiBench gets back from a user or another machine (run.json, cluster.json, baseline YAML): only a
/// regular, non-empty file, and only up to a size bound, so a device path (/dev/zero), a FIFO or a runaway file can
/// neither hang nor exhaust the process before its content is validated.
/// </summary>
public static class InputFile
{
    /// <summary>Far above any real result (a 2,048-node cluster.json is a few MB) and far below what hurts.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <exception cref="BadInputException">Missing, empty or not a regular file, larger than <paramref name="maxBytes"/>, or unreadable.</exception>
    public static string ReadAllText(string path, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new BadInputException($"{path}: no such file");
            }

            // Devices, FIFOs and /proc files report size 0; refusing that before opening keeps a FIFO from
            // blocking and /dev/zero from streaming forever (an empty regular file holds nothing to read anyway).
            if (info.Length == 0)
            {
                throw new BadInputException($"{path}: empty or not a regular file");
            }

            if (info.Length > maxBytes)
            {
                throw new BadInputException($"{path}: {info.Length} bytes is more than the {maxBytes} bytes AiBench reads");
            }

            return ReadAtMost(path, info.Length);
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            throw new BadInputException($"{path}: cannot be read ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>Reads the file, refusing it when it holds more than the <paramref name="length"/> bytes it reported.</summary>
    private static string ReadAtMost(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var bytes = new byte[length + 1];
        int total = 0;
        int read;
        while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
        {
            total += read;
        }

        if (total > length)
        {
            throw new BadInputException($"{path}: grew beyond the {length} bytes it reported while being read");
        }

        using var reader = new StreamReader(new MemoryStream(bytes, 0, total), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
