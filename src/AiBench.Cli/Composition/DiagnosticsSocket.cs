using AiBench.Core.Files;

namespace AiBench.Cli.Composition;

/// <summary>
/// The .NET runtime opens a diagnostics socket per process (<c>$TMPDIR/dotnet-diagnostic-PID-KEY-socket</c>) and removes it
/// at a clean exit, so a rank that mpirun or srun kills leaves it behind, one per rank per run. A launched rank unlinks its
/// own socket file at start: nothing is left whatever ends it (dotnet-trace cannot attach to a rank then; set
/// <c>DOTNET_EnableDiagnostics=0</c> to have no socket at all). Only this process's own file is touched.
/// </summary>
internal static class DiagnosticsSocket
{
    public static void RemoveOwn()
    {
        try
        {
            foreach (string socket in Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-*-socket"))
            {
                File.Delete(socket);
            }
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            // Best effort: a socket file left behind costs an inode, never a result.
        }
    }
}
