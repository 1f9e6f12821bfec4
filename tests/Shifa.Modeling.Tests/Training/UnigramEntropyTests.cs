using Shifa.Modeling.Training;

namespace Shifa.Modeling.Tests.Training;

public sealed class UnigramEntropyTests
{
    [Fact]
    public void Is_the_entropy_in_nats_of_the_answer_targets_only()
    {
        const int ignore = SftDataCollator.IgnoreIndex;
        // Targets 5,5,7,9 (the ignored prompt positions do not count): p = 1/2, 1/4, 1/4.
        var rows = new[] { new SftRow([1, 2, 3, 4], [ignore, 5, 5, ignore]), new SftRow([1, 2, 3, 4], [ignore, ignore, 7, 9]) };

        var expected = -(0.5 * Math.Log(0.5) + 2 * 0.25 * Math.Log(0.25));
        Assert.Equal(expected, UnigramEntropy.Of(rows), 12);
        Assert.Equal(0, UnigramEntropy.Of([new SftRow([1], [ignore])]));
    }
}
