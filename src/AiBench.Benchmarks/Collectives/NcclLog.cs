using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// Reads which transports NCCL chose from its own log: before NCCL starts, <c>NCCL_DEBUG=INFO</c> and
/// <c>NCCL_DEBUG_FILE</c> (a file of this process) are set in the native environment, unless the user set NCCL_DEBUG;
/// afterwards the log's lines name the network (<c>NET/IB</c>, <c>NET/Socket</c>), intra-node paths (<c>via P2P</c>,
/// <c>via SHM</c>) and NVLink SHARP (<c>NVLS</c>).
/// </summary>
internal static partial class NcclLog
{
    // Process-wide by nature: NCCL reads its logging environment once per process, at its first initialisation.
    private static string? _file;

    /// <summary>The log file, or null when the user configured NCCL's logging (then it is theirs, and not parsed).</summary>
    public static string? File => _file;

    public static void Prepare()
    {
        if (_file is not null || Environment.GetEnvironmentVariable("NCCL_DEBUG") is not null)
        {
            return;
        }

        string path = Path.Combine(Path.GetTempPath(), $"aibench-nccl-{Environment.ProcessId}.log");
        // NCCL reads the C environment; Environment.SetEnvironmentVariable only changes .NET's copy on Unix.
        if (SetEnv("NCCL_DEBUG", "INFO", 1) == 0 && SetEnv("NCCL_DEBUG_SUBSYS", "INIT,NET,P2P,SHM,GRAPH,NVLS", 1) == 0
            && SetEnv("NCCL_DEBUG_FILE", path, 1) == 0)
        {
            _file = path;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(path);
        }
    }

    /// <summary>The transports the log names so far ("P2P, NET/IB"), or null when there is no log to read.</summary>
    public static string? Transports()
    {
        if (_file is null || !System.IO.File.Exists(_file))
        {
            return null;
        }

        string text;
        try
        {
            using var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        catch (IOException)
        {
            return null;
        }

        return Parse(text);
    }

    /// <summary>
    /// The transports named by NCCL log text, in a fixed order; "none named" when the log names none (one rank: nothing
    /// is connected). Connections read "Channel 00/0 : 0[0] -> 1[1] via P2P/IPC" or "... [send] via NET/IB/0"; NVLS
    /// counts unless its line says it is unavailable or disabled.
    /// </summary>
    public static string Parse(string log)
    {
        var found = new List<string>();
        string[] lines = log.Split('\n');
        bool nvls = lines.Any(l => l.Contains("NVLS", StringComparison.Ordinal)
            && !l.Contains("not available", StringComparison.OrdinalIgnoreCase)
            && !l.Contains("disable", StringComparison.OrdinalIgnoreCase)
            && !l.Contains("not supported", StringComparison.OrdinalIgnoreCase));
        if (nvls)
        {
            found.Add("NVLS");
        }

        foreach ((string needle, string name) in (ReadOnlySpan<(string, string)>)
                 [("via P2P", "P2P"), ("via SHM", "SHM"), ("via NET/IB", "NET/IB"), ("via NET/Socket", "NET/Socket"), ("via COLLNET", "CollNet")])
        {
            if (log.Contains(needle, StringComparison.Ordinal))
            {
                found.Add(name);
            }
        }

        return found.Count == 0 ? "none named" : string.Join(", ", found);
    }

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
