using Shifa.Modeling.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Native;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Native_library_loads_and_matmul_matches_hand_computed_product()
    {
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);   // (2, 3)
        var b = tensor(new float[] { 7, 8, 9, 10, 11, 12 }, 3, 2); // (3, 2)
        var c = a.matmul(b);                                        // (2, 2)

        Assert.Equal(new long[] { 2, 2 }, c.shape);
        Assert.Equal(new float[] { 58, 64, 139, 154 }, c.data<float>().ToArray());
    }

    [Fact]
    public void Thread_count_is_applied_to_torch()
    {
        TorchRuntime.EnsureInitialized();
        Assert.True(TorchRuntime.ThreadCount >= 1);
        Assert.Equal(TorchRuntime.ThreadCount, torch.get_num_threads());
    }

    [Fact]
    public void OpenMp_waits_passively_unless_the_user_chose_otherwise()
    {
        TorchRuntime.EnsureInitialized();
        Assert.NotNull(Environment.GetEnvironmentVariable("OMP_WAIT_POLICY"));
    }
}
