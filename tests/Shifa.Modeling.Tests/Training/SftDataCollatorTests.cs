using Shifa.Core.Records;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Training;

public sealed class SftDataCollatorTests
{
    private static readonly ByteLevelBpeTokenizer Tokenizer = TrainingFixtures.Tokenizer();

    [Fact]
    public void Only_answer_tokens_and_the_closing_eos_are_targets()
    {
        var collator = new SftDataCollator(Tokenizer, 256);
        var record = TrainingFixtures.Records(1)[0];

        var example = collator.Tokenize(record)!;
        var row = collator.BuildRows([example], pack: false)[0];

        var answerIds = Tokenizer.Encode(ArabicQaChatTemplate.Completion(record.Answer));
        var targets = row.Targets.Where(t => t != SftDataCollator.IgnoreIndex).ToArray();
        Assert.Equal(answerIds, targets);
        Assert.Equal(Tokenizer.EosId, targets[^1]);
        // The first target sits at the last prompt position: predicting the answer's first token from the prompt.
        Assert.Equal(example.PromptLength - 1, Array.FindIndex(row.Targets, t => t != SftDataCollator.IgnoreIndex));
        Assert.Equal(record.Question.Trim(), Tokenizer.Decode(example.InputIds.Take(example.PromptLength), skipSpecialTokens: true).Trim());
    }

    [Fact]
    public void Packing_keeps_every_token_once_in_order()
    {
        var collator = new SftDataCollator(Tokenizer, 32);
        var examples = collator.TokenizeAll(TrainingFixtures.Records(9), new List<string>());

        var rows = collator.BuildRows(examples, pack: true);

        var stream = examples.SelectMany(e => e.InputIds).ToArray();
        Assert.Equal((stream.Length - 1 + 31) / 32, rows.Count);
        Assert.Equal(stream, rows.SelectMany(r => r.InputIds).Take(stream.Length));
        Assert.Equal(examples.Sum(e => e.AnswerLength), rows.Sum(r => r.Targets.Count(t => t != SftDataCollator.IgnoreIndex)));
    }

    [Fact]
    public void Records_without_an_answer_are_reported_by_id()
    {
        var collator = new SftDataCollator(Tokenizer, 32);
        var records = TrainingFixtures.Records(2);
        records[1] = records[1] with { Answer = "  " };
        var problems = new List<string>();

        var examples = collator.TokenizeAll(records, problems);

        Assert.Single(examples);
        Assert.Equal(["record r0001: answer is empty; skipped"], problems);
    }

    [Fact]
    public void Masked_prompt_tokens_contribute_zero_loss_and_zero_gradient()
    {
        using var model = TrainingFixtures.Model(seed: 1);
        var collator = new SftDataCollator(Tokenizer, 64);
        var rows = collator.BuildRows(collator.TokenizeAll(TrainingFixtures.Records(3), new List<string>()), pack: false);
        using var batch = SftDataCollator.Collate(rows, CPU);

        using var logits = model.forward(batch.InputIds).detach().requires_grad_(true);
        using var loss = SftLoss.Mean(logits, batch.Targets);
        loss.backward();

        using var masked = batch.Targets.eq(SftDataCollator.IgnoreIndex);                  // (B, T)
        using var gradNorms = logits.grad!.abs().sum(-1);                                    // (B, T)
        Assert.Equal(0f, gradNorms.masked_select(masked).abs().max().item<float>());
        Assert.True(gradNorms.masked_select(masked.logical_not()).min().item<float>() > 0);

        // The same loss computed by hand over answer positions only.
        using var logProbs = logits.detach().log_softmax(-1);                               // (B, T, V)
        double total = 0;
        var count = 0;
        for (var b = 0; b < rows.Count; b++)
        {
            for (var t = 0; t < rows[b].Targets.Length; t++)
            {
                if (rows[b].Targets[t] != SftDataCollator.IgnoreIndex)
                {
                    total -= logProbs[b, t, rows[b].Targets[t]].item<float>();
                    count++;
                }
            }
        }

        Assert.Equal(total / count, loss.item<float>(), 4);
    }

    [Fact]
    public void Changing_the_prompt_targets_cannot_change_the_loss()
    {
        using var model = TrainingFixtures.Model(seed: 2);
        var rows = TrainingFixtures.Rows(Tokenizer, 4, sequenceLength: 48);
        using var batch = SftDataCollator.Collate(rows, CPU);
        using var logits = model.forward(batch.InputIds).detach();

        // Point every ignored position at token 0 instead of ignoring it: the loss must rise, proving those positions are excluded.
        using var unmasked = batch.Targets.masked_fill(batch.Targets.eq(SftDataCollator.IgnoreIndex), 0);
        using var answerOnly = SftLoss.Sum(logits, batch.Targets);
        using var everything = SftLoss.Sum(logits, unmasked);

        Assert.True(everything.item<float>() > answerOnly.item<float>());
    }
}
