using Shifa.Modeling.Training;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Training;

public sealed class SftTrainerTests
{
    private static readonly Shifa.Modeling.Tokenization.ByteLevelBpeTokenizer Tokenizer = TrainingFixtures.Tokenizer();

    private static SftTrainingOptions Options(int checkpointEvery = 0, TrainingPrecision precision = TrainingPrecision.Fp32) => new()
    {
        Epochs = 4, BatchSize = 2, GradientAccumulation = 2, SequenceLength = 48, LearningRate = 3e-3,
        EvalEvery = 2, CheckpointEvery = checkpointEvery, Seed = 7, Precision = precision,
    };

    [Fact]
    public void Loss_falls_on_a_small_training_set()
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 6);
        using var model = TrainingFixtures.Model(seed: 3);

        var metrics = SftTrainer.Train(model, rows, rows, Options() with { Epochs = 40, GradientAccumulation = 1, LearningRate = 1e-2 });

        Assert.True(metrics[^1].TrainLoss < metrics[0].TrainLoss * 0.5, $"{metrics[0].TrainLoss} -> {metrics[^1].TrainLoss}");
        Assert.NotNull(metrics[^1].ValidationLoss);
        Assert.All(metrics, m => Assert.True(m.TokensPerSecond > 0));
    }

    [Theory]
    [InlineData(TrainingPrecision.Fp32)]
    [InlineData(TrainingPrecision.Bf16)]
    public void Resume_from_a_checkpoint_reproduces_the_next_losses_exactly(TrainingPrecision precision)
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 10);
        using var initial = TrainingFixtures.Model(seed: 4);
        List<TrainingMetric> uninterrupted;
        using (var model = TrainingFixtures.CopyOf(initial))
        {
            uninterrupted = SftTrainer.Train(model, rows, rows, Options(precision: precision));
        }

        using var folder = new TempFolder();
        var checkpoint = folder.Sub("checkpoint");
        using var stop = new CancellationTokenSource();
        using (var model = TrainingFixtures.CopyOf(initial))
        {
            var stopAfterThree = new SyncProgress(p =>
            {
                if (p.Step == 3)
                {
                    stop.Cancel();
                }
            });
            Assert.Throws<OperationCanceledException>(() =>
                SftTrainer.Train(model, rows, rows, Options(checkpointEvery: 3, precision: precision), checkpoint, stopAfterThree, stop.Token));
        }

        // A differently initialised model: everything that matters must come from the checkpoint.
        using var resumedModel = TrainingFixtures.Model(seed: 99);
        manual_seed(12345);
        var resumed = SftTrainer.Train(resumedModel, rows, rows, Options(checkpointEvery: 3, precision: precision), checkpoint);

        Assert.True(uninterrupted.Count > 6, $"only {uninterrupted.Count} steps");
        Assert.Equal(uninterrupted.Count, resumed.Count);
        for (var i = 3; i < uninterrupted.Count; i++)
        {
            Assert.Equal(uninterrupted[i].TrainLoss, resumed[i].TrainLoss);
            Assert.Equal(uninterrupted[i].ValidationLoss, resumed[i].ValidationLoss);
            Assert.Equal(uninterrupted[i].LearningRate, resumed[i].LearningRate);
        }
    }

    [Fact]
    public void Resume_in_another_precision_is_refused_with_the_saved_one_named()
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 10);
        using var folder = new TempFolder();
        var checkpoint = folder.Sub("checkpoint");
        using var stop = new CancellationTokenSource();
        using (var model = TrainingFixtures.Model(seed: 4))
        {
            var stopAfterThree = new SyncProgress(p =>
            {
                if (p.Step == 3)
                {
                    stop.Cancel();
                }
            });
            Assert.Throws<OperationCanceledException>(() =>
                SftTrainer.Train(model, rows, rows, Options(checkpointEvery: 3, precision: TrainingPrecision.Fp32), checkpoint, stopAfterThree, stop.Token));
        }

        using var resumedModel = TrainingFixtures.Model(seed: 4);
        var e = Assert.Throws<InvalidDataException>(() =>
            SftTrainer.Train(resumedModel, rows, rows, Options(checkpointEvery: 3, precision: TrainingPrecision.Bf16), checkpoint));

        Assert.Contains("trainer_state.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("trained in fp32", e.Message, StringComparison.Ordinal);
        Assert.Contains("--precision fp32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gradient_accumulation_matches_one_large_batch()
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 8).Take(4).ToList();
        var oneBatch = new SftTrainingOptions { Epochs = 1, BatchSize = 4, GradientAccumulation = 1, SequenceLength = 48, Seed = 5, EvalEvery = 0 };
        var accumulated = oneBatch with { BatchSize = 1, GradientAccumulation = 4 };

        using var a = TrainingFixtures.Model(seed: 6);
        using var b = TrainingFixtures.CopyOf(a);
        var la = SftTrainer.Train(a, rows, [], oneBatch);
        var lb = SftTrainer.Train(b, rows, [], accumulated);

        Assert.Single(la);
        Assert.Single(lb);
        Assert.Equal(la[0].TrainLoss, lb[0].TrainLoss, 4);
        Assert.Equal(la[0].GradientNorm, lb[0].GradientNorm, 4);
    }

    [Fact]
    public void An_empty_training_set_is_refused_with_a_hint()
    {
        using var model = TrainingFixtures.Model(seed: 1);

        var error = Assert.Throws<ArgumentException>(() => SftTrainer.Train(model, [], [], Options()));

        Assert.Contains("training split is empty", error.Message, StringComparison.Ordinal);
    }
}
