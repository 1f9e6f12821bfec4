using Shifa.Modeling.Architectures;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Training;

public sealed class MixedPrecisionTrainingTests
{
    private static readonly Shifa.Modeling.Tokenization.ByteLevelBpeTokenizer Tokenizer = TrainingFixtures.Tokenizer();

    private static SftTrainingOptions Options(TrainingPrecision precision) => new()
    {
        Epochs = 40, BatchSize = 2, SequenceLength = 48, LearningRate = 1e-2, EvalEvery = 0, Seed = 7, Precision = precision,
    };

    [Fact]
    public void Bf16_lowers_the_loss_like_fp32_and_its_first_losses_stay_within_tolerance()
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 6);
        using var initial = TrainingFixtures.Model(seed: 3);
        using var a = TrainingFixtures.CopyOf(initial);
        using var b = TrainingFixtures.CopyOf(initial);

        var fp32 = SftTrainer.Train(a, rows, rows, Options(TrainingPrecision.Fp32));
        var bf16 = SftTrainer.Train(b, rows, rows, Options(TrainingPrecision.Bf16));

        Assert.NotEqual(fp32[0].TrainLoss, bf16[0].TrainLoss);   // the bf16 run really computed in bf16
        // Tolerance: 0.005 nats on each of the first five steps, losses near ln 400 ≈ 6 (measured: about 1e-4; a loss or
        // softmax computed in bf16, which rounds at 2⁻⁸ relative, would miss it by several times).
        for (var i = 0; i < 5; i++)
        {
            Assert.True(Math.Abs(fp32[i].TrainLoss - bf16[i].TrainLoss) < 0.005, $"step {i + 1}: fp32 {fp32[i].TrainLoss} vs bf16 {bf16[i].TrainLoss}");
        }

        Assert.True(bf16[^1].TrainLoss < bf16[0].TrainLoss * 0.5, $"bf16 {bf16[0].TrainLoss} -> {bf16[^1].TrainLoss}");
        // Both end near zero on this memorisable set; bf16 within 0.05 nats of fp32.
        Assert.True(Math.Abs(bf16[^1].TrainLoss - fp32[^1].TrainLoss) < 0.05, $"final: fp32 {fp32[^1].TrainLoss} vs bf16 {bf16[^1].TrainLoss}");
        // Validation is float32 in both modes, so the final model is evaluated exactly as after an fp32 run.
        Assert.Equal(SftTrainer.Evaluate(b, rows, 2, CPU), bf16[^1].ValidationLoss);
    }

    [Fact]
    public void Master_weights_gradients_and_adamw_moments_stay_fp32_in_bf16_mode()
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 6);
        using var model = TrainingFixtures.Model(seed: 5);
        using var folder = new TempFolder();
        var checkpoint = folder.Sub("checkpoint");
        var options = Options(TrainingPrecision.Bf16) with { Epochs = 3, CheckpointEvery = 2 };

        var metrics = SftTrainer.Train(model, rows, [], options, checkpoint);

        Assert.True(metrics.Count > 2);
        Assert.All(model.named_parameters(), p =>
        {
            Assert.Equal(ScalarType.Float32, p.parameter.dtype);
            Assert.Equal(ScalarType.Float32, p.parameter.grad!.dtype);
        });

        // The optimizer the trainer saved: its first and second moments are float32 like the weights they follow.
        using var restored = TrainingFixtures.Model(seed: 0);
        var parameters = restored.parameters().ToList();
        using var optimizer = optim.AdamW(parameters);
        TrainingCheckpoint.Load(checkpoint, restored, optimizer, TrainingPrecision.Bf16);
        var states = optimizer.state_dict().State.Cast<AdamW.State>().ToList();
        Assert.Equal(parameters.Count, states.Count);
        Assert.All(states, s =>
        {
            Assert.Equal(ScalarType.Float32, s.exp_avg.dtype);
            Assert.Equal(ScalarType.Float32, s.exp_avg_sq.dtype);
            Assert.True(s.exp_avg_sq.abs().sum().item<float>() > 0, "moments were never updated");
        });
    }

    [Fact]
    public void Bf16_lora_training_moves_only_fp32_adapters()
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 6);
        using var model = TrainingFixtures.Model(seed: 8);
        LoraAdapter.Attach(model, new LoraConfig { Rank = 4, Alpha = 8, TargetModules = ["q_proj", "v_proj", "down_proj"] });
        var before = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

        var metrics = SftTrainer.Train(model, rows, [], Options(TrainingPrecision.Bf16) with { Epochs = 10, LearningRate = 3e-3 });

        Assert.True(metrics[^1].TrainLoss < metrics[0].TrainLoss, $"{metrics[0].TrainLoss} -> {metrics[^1].TrainLoss}");
        foreach (var (name, value) in model.state_dict())
        {
            Assert.Equal(ScalarType.Float32, value.dtype);
            var isAdapter = name.Contains("lora_", StringComparison.Ordinal);
            Assert.True(value.ne(before[name]).any().item<bool>() == isAdapter, isAdapter ? $"{name} did not train" : $"{name} is a base weight and changed");
        }
    }

    [Fact]
    public void Training_leaves_no_autocast_scope_behind_so_generation_stays_fp32()
    {
        var rows = TrainingFixtures.Rows(Tokenizer, 4);
        using var model = TrainingFixtures.Model(seed: 9);

        SftTrainer.Train(model, rows, [], Options(TrainingPrecision.Bf16) with { Epochs = 1 });

        Assert.Null(Autocast.ComputeType);
        using var scope = NewDisposeScope();
        var logits = model.forward(tensor(rows[0].InputIds.Take(8).Select(i => (long)i).ToArray()).unsqueeze(0));
        Assert.Equal(ScalarType.Float32, logits.dtype);
    }
}
