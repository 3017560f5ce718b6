namespace AiBench.Benchmarks.Storage;

/// <summary>
/// Reads or writes. fio keeps every figure per direction (a mixed run has a read and a write section), and so do
/// the engine and storage.io; the values index the engine's per-direction arrays (<c>enum aib_io_direction</c>).
/// </summary>
internal enum IoDirection
{
    Read = 0,
    Write = 1,
}
