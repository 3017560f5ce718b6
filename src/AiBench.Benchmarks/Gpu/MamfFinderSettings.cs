namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// mamf-finder.py's settings (stas00/ml-engineering, compute/accelerator/benchmarks/mamf-finder.py, benchmark
/// version 2), copied as facts: the accelerator is warmed up for 30 s by running the first shape; each shape then
/// runs --num_warmup_iterations 50 and --num_iterations 100 products, each between its own pair of events, each
/// preceded (untimed) by zeroing a 256 MiB buffer to flush the L2 and by copying a random matrix into the output; the
/// figure is 2·M·N·K / mean(time) ("a mean of 100 iterations after 50 warmup iterations"), median and max are printed
/// too; MAMF is the best shape's mean.
/// </summary>
internal static class MamfFinderSettings
{
    public static readonly TimeSpan AcceleratorWarmup = TimeSpan.FromSeconds(30);

    public const int WarmupProducts = 50;

    public const int TimedProducts = 100;

    public const long L2FlushBytes = 256L << 20;
}
