namespace AiBench.Cuda.Loading;

/// <summary>
/// The result of <see cref="CudaLibraryLocator.Plan"/>: the file names tried, the folders searched, and every load
/// attempt in order. <see cref="CudaLibraryLocator.DescribeFailure"/> turns it into the "not found" message.
/// </summary>
public sealed record LibrarySearchPlan(
    CudaLibrary Library,
    IReadOnlyList<string> FileNames,
    IReadOnlyList<string> Folders,
    IReadOnlyList<string> GlobFolders,
    IReadOnlyList<LoadAttempt> Attempts);
