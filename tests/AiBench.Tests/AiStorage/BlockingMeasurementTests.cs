using AiBench.Benchmarks.AiStorage;
using AiBench.Core.Errors;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>
/// The checkpoint and dataset step loop keeps the steps that completed when the storage fails. A file system exception
/// no step had put into words (the target folder removed while a restore opened its files) escaped as a "failed" case
/// and took every completed checkpoint with it (issue #10).
/// </summary>
public class BlockingMeasurementTests
{
    [Fact]
    public void A_raw_file_system_fault_after_a_step_keeps_the_step_and_becomes_could_not_run()
    {
        (List<int> done, var failure) = BlockingMeasurement.Steps(3, i => i == 0 ? 10 : throw new DirectoryNotFoundException("Could not find a part of the path '/t/round1.bin'."));

        Assert.Equal([10], done);
        var fault = Assert.IsType<CouldNotRunException>(Assert.Throws<CouldNotRunException>(() => failure!.Throw()));
        Assert.Contains("step 2 of 3", fault.Message, StringComparison.Ordinal);
        Assert.Contains("round1.bin", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_file_system_fault_before_any_step_is_could_not_run_not_a_bug() =>
        Assert.Throws<CouldNotRunException>(() => BlockingMeasurement.Steps<int>(3, _ => throw new IOException("No space left on device")));

    [Fact]
    public void A_bug_is_not_taken_for_a_storage_fault() =>
        Assert.Throws<InvalidOperationException>(() => BlockingMeasurement.Steps(3, i => i == 0 ? 1 : throw new InvalidOperationException("bug")));
}
