using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Cuda;

public class KernelArgumentsTests
{
    [Fact]
    public void Values_fill_8_byte_slots_little_endian()
    {
        var arguments = default(KernelArguments);
        arguments.Add(0x1122334455667788UL);
        arguments.Add(1.5);
        arguments.Add(2.5f);
        arguments.Add(-1);
        Assert.Equal(4, arguments.Count);
        Assert.Equal(0x1122334455667788UL, arguments[0]);
        Assert.Equal(BitConverter.DoubleToUInt64Bits(1.5), arguments[1]);
        Assert.Equal((ulong)BitConverter.SingleToUInt32Bits(2.5f), arguments[2]);
        Assert.Equal(0xFFFFFFFFUL, arguments[3]);
    }

    [Fact]
    public void A_launch_takes_at_most_sixteen_arguments()
    {
        var arguments = default(KernelArguments);
        for (int i = 0; i < KernelArguments.Capacity; i++)
        {
            arguments.Add(i);
        }

        Assert.Throws<InvalidOperationException>(() => arguments.Add(0));
    }
}
