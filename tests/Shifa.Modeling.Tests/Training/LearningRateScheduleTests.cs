using Shifa.Modeling.Training;

namespace Shifa.Modeling.Tests.Training;

public sealed class LearningRateScheduleTests
{
    private static readonly LearningRateSchedule Schedule = new(MaxLearningRate: 1e-3, MinLearningRate: 1e-4, WarmupSteps: 10, TotalSteps: 110);

    [Fact]
    public void Warms_up_linearly_to_the_peak()
    {
        Assert.Equal(1e-4, Schedule.At(0), 12);
        Assert.Equal(5e-4, Schedule.At(4), 12);
        Assert.Equal(1e-3, Schedule.At(9), 12);
        Assert.Equal(1e-3, Schedule.At(10), 12);
    }

    [Fact]
    public void Decays_by_cosine_to_the_floor_and_stays_there()
    {
        // Halfway through the decay the cosine factor is 1/2.
        Assert.Equal(1e-4 + 0.5 * 9e-4, Schedule.At(60), 12);
        Assert.Equal(1e-4, Schedule.At(110), 12);
        Assert.Equal(1e-4, Schedule.At(500), 12);
        for (var step = 10; step < 110; step++)
        {
            Assert.True(Schedule.At(step + 1) <= Schedule.At(step), $"step {step}");
        }
    }
}
