using AiBench.Cuda.Native;

namespace AiBench.Cuda;

/// <summary>One candidate of <c>cublasLtMatmulAlgoGetHeuristic</c>; <see cref="Rank"/> 1 is the heuristic's first choice.</summary>
public sealed record CublasLtAlgorithm(int Rank, CublasLtMatmulAlgo Algo, long WorkspaceBytes, float Waves);
