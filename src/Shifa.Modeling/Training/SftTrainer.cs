// The training loop, top to bottom in one place (nanoGPT's train.py): schedule, accumulation, clipping, eval, checkpoints.
using System.Diagnostics;
using Shifa.Modeling.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Training;

/// <summary>
/// Trains a causal language model (ids (batch, time) → logits (batch, time, vocab)) on rows from
/// <see cref="SftDataCollator"/>. AdamW keeps fp32 weights and moments; weight decay is decoupled
/// and applied to matrices only; the learning rate follows <see cref="LearningRateSchedule"/>.
/// With <see cref="TrainingPrecision.Bf16"/> the forward pass runs inside an <see cref="Autocast"/> scope, so
/// projections multiply in bfloat16 while the weights, their gradients and the moments stay float32.
/// A run with a checkpoint folder can be stopped and resumed; the resumed run logs the same losses.
/// </summary>
public static class SftTrainer
{
    /// <summary>Runs training and returns the per-step metrics (including those before a resume).</summary>
    /// <param name="model">The model, on the CPU; it is moved to <see cref="SftTrainingOptions.Device"/>.</param>
    /// <param name="trainRows">Training rows.</param>
    /// <param name="validationRows">Validation rows (may be empty).</param>
    /// <param name="options">Settings.</param>
    /// <param name="checkpointDirectory">Where to save and resume from; null for no checkpoints.</param>
    /// <param name="progress">Receives every step.</param>
    /// <param name="ct">Stops between steps.</param>
    public static List<TrainingMetric> Train(
        nn.Module<Tensor, Tensor> model,
        IReadOnlyList<SftRow> trainRows,
        IReadOnlyList<SftRow> validationRows,
        SftTrainingOptions options,
        string? checkpointDirectory = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainRows);
        ArgumentNullException.ThrowIfNull(validationRows);
        ArgumentNullException.ThrowIfNull(options);
        if (trainRows.Count == 0)
        {
            throw new ArgumentException("There are no training rows: the training split is empty or every record was skipped.", nameof(trainRows));
        }

        // ---- device, optimizer, schedule -------------------------------------------------------
        var device = ResolveDevice(options.Device);
        var precision = TrainingPrecisions.Resolve(options.Precision, device);
        var computeType = TrainingPrecisions.ComputeType(precision);
        model.to(device);
        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        var matrices = parameters.Where(p => p.dim() >= 2).ToList();
        // Decay is applied by hand below so that biases and norm gains are exempt; AdamW's own decay stays 0.
        using var optimizer = optim.AdamW(parameters, options.LearningRate, options.Beta1, options.Beta2, 1e-8, weight_decay: 0);

        var microPerEpoch = (trainRows.Count + options.BatchSize - 1) / options.BatchSize;
        var totalMicro = microPerEpoch * options.Epochs;
        var totalSteps = (totalMicro + options.GradientAccumulation - 1) / options.GradientAccumulation;
        if (options.MaxSteps is { } max)
        {
            totalSteps = Math.Min(totalSteps, max);
        }

        var warmup = Math.Max(1, (int)Math.Round(options.WarmupFraction * totalSteps));
        var schedule = new LearningRateSchedule(options.LearningRate, options.LearningRate * options.MinLearningRateRatio, warmup, totalSteps);

        // ---- fresh start or resume ----------------------------------------------------------------
        var metrics = new List<TrainingMetric>();
        var startStep = 0;
        if (checkpointDirectory is not null && TrainingCheckpoint.Exists(checkpointDirectory))
        {
            (startStep, metrics) = TrainingCheckpoint.Load(checkpointDirectory, model, optimizer, precision);
        }
        else
        {
            manual_seed(options.Seed);
        }

        // ---- the loop -----------------------------------------------------------------------------
        var clock = Stopwatch.StartNew();
        for (var step = startStep; step < totalSteps; step++)
        {
            ct.ThrowIfCancellationRequested();
            var stepClock = Stopwatch.StartNew();  // tokens/s excludes validation
            var lr = schedule.At(step);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = lr;
            }

            model.train();
            optimizer.zero_grad();
            var micro = Enumerable.Range(step * options.GradientAccumulation, options.GradientAccumulation)
                .Where(m => m < totalMicro)
                .Select(m => RowsOf(m, microPerEpoch, trainRows, options))
                .ToList();
            // Normalise by the step's answer-token count so accumulation equals one big batch.
            var stepLossTokens = Math.Max(1, micro.Sum(rows => rows.Sum(r => r.Targets.Count(t => t != SftDataCollator.IgnoreIndex))));
            double stepLoss = 0;
            long stepTokens = 0;
            foreach (var rows in micro)
            {
                using var scope = NewDisposeScope();
                using var batch = SftDataCollator.Collate(rows, device);
                Tensor loss;
                using (Autocast.Enter(computeType))
                {
                    // Like torch.autocast: only the forward pass is in the scope; backward follows the recorded casts.
                    var logits = model.forward(batch.InputIds);
                    loss = SftLoss.Sum(logits, batch.Targets) / stepLossTokens;
                }

                loss.backward();
                stepLoss += loss.item<float>();
                stepTokens += batch.TokenCount;
            }

            double gradNorm;
            using (no_grad())
            {
                gradNorm = options.GradientClip > 0
                    ? nn.utils.clip_grad_norm_(parameters, options.GradientClip)
                    : nn.utils.clip_grad_norm_(parameters, double.MaxValue);
                foreach (var matrix in matrices)
                {
                    matrix.mul_(1 - lr * options.WeightDecay);
                }
            }

            optimizer.step();
            var stepSeconds = stepClock.Elapsed.TotalSeconds;

            double? validationLoss = null;
            var done = step + 1;
            if (done == totalSteps || (options.EvalEvery > 0 && done % options.EvalEvery == 0))
            {
                validationLoss = validationRows.Count > 0 ? Evaluate(model, validationRows, options.BatchSize, device) : null;
            }

            var epoch = Math.Min((double)done * options.GradientAccumulation / microPerEpoch, options.Epochs);
            var metric = new TrainingMetric(done, epoch, lr, stepLoss, validationLoss, gradNorm,
                stepTokens / Math.Max(1e-9, stepSeconds), clock.Elapsed.TotalSeconds);
            metrics.Add(metric);
            progress?.Report(new TrainingProgress(done, totalSteps, metric));

            if (checkpointDirectory is not null && options.CheckpointEvery > 0 && done % options.CheckpointEvery == 0 && done < totalSteps)
            {
                TrainingCheckpoint.Save(checkpointDirectory, model, optimizer, done, metrics, precision);
            }
        }

        model.eval();
        return metrics;
    }

    /// <summary>Mean loss per answer token over <paramref name="rows"/>, without gradients.</summary>
    public static double Evaluate(nn.Module<Tensor, Tensor> model, IReadOnlyList<SftRow> rows, int batchSize, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        model.eval();
        double total = 0;
        long tokens = 0;
        using (no_grad())
        {
            for (var start = 0; start < rows.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                using var batch = SftDataCollator.Collate(rows.Skip(start).Take(batchSize).ToList(), device);
                var logits = model.forward(batch.InputIds);
                total += SftLoss.Sum(logits, batch.Targets).item<float>();
                tokens += batch.LossTokenCount;
            }
        }

        model.train();
        return tokens == 0 ? double.NaN : total / tokens;
    }

    /// <summary>Which device a name means; <c>cuda</c> fails clearly when no GPU is visible.</summary>
    public static Device ResolveDevice(string name) => name switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InvalidOperationException("--device cuda was requested but no CUDA device is available to TorchSharp; use --device cpu or install the libtorch-cuda package."),
        _ => throw new ArgumentException($"Unknown device '{name}'; use cpu or cuda.", nameof(name)),
    };

    // Micro-batch m takes rows from epoch m / microPerEpoch, in an order shuffled by (seed, epoch): a pure function, so resume needs no data state.
    private static List<SftRow> RowsOf(int m, int microPerEpoch, IReadOnlyList<SftRow> rows, SftTrainingOptions options)
    {
        var epoch = m / microPerEpoch;
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(unchecked(options.Seed * 1_000_003 + epoch)).Shuffle(order);
        var start = (m % microPerEpoch) * options.BatchSize;
        return order.Skip(start).Take(options.BatchSize).Select(i => rows[i]).ToList();
    }
}
