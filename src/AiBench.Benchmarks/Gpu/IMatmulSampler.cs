namespace AiBench.Benchmarks.Gpu;

/// <summary>One method's timed work for a shape: each call is one sample in FLOP/s.</summary>
internal interface IMatmulSampler
{
    double MeasureOnce();
}
