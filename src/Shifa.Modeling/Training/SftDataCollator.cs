// Turns QA records into token rows with answer-only targets, packed or padded (HF TRL's completion-only collator + nanoGPT's packing).
using Shifa.Core.Records;
using Shifa.Modeling.Tokenization;
using static TorchSharp.torch;

namespace Shifa.Modeling.Training;

/// <summary>
/// Tokenizes records with <see cref="ArabicQaChatTemplate"/> and builds fixed-length rows whose
/// targets are the next token where that token belongs to an answer and <see cref="IgnoreIndex"/>
/// elsewhere, so prompt tokens add nothing to the loss or its gradient. With packing, examples are
/// concatenated and cut into rows of <see cref="SequenceLength"/> tokens (attention may see the end of
/// the previous example; the <c>&lt;|endoftext|&gt;</c> between them marks the break); without it,
/// each example is one row, truncated and padded.
/// </summary>
public sealed class SftDataCollator
{
    /// <summary>Target value that <see cref="SftLoss"/> skips.</summary>
    public const int IgnoreIndex = -100;

    private readonly ITextTokenizer _tokenizer;
    private readonly int _padId;

    /// <summary>Creates a collator for rows of <paramref name="sequenceLength"/> tokens.</summary>
    public SftDataCollator(ITextTokenizer tokenizer, int sequenceLength, string? systemPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 2);
        _tokenizer = tokenizer;
        SequenceLength = sequenceLength;
        SystemPrompt = systemPrompt;
        _padId = tokenizer.PadId ?? tokenizer.EosId ?? 0;
    }

    /// <summary>Tokens per row.</summary>
    public int SequenceLength { get; }

    /// <summary>Optional system turn put before every question.</summary>
    public string? SystemPrompt { get; }

    /// <summary>Tokenizes one record; records without a question or answer are reported, not trained on.</summary>
    public SftExample? Tokenize(QaRecord record, ICollection<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(record.Question) || string.IsNullOrWhiteSpace(record.Answer))
        {
            problems?.Add($"record {record.Id}: {(string.IsNullOrWhiteSpace(record.Question) ? "question" : "answer")} is empty; skipped");
            return null;
        }

        var prompt = _tokenizer.Encode(ArabicQaChatTemplate.Prompt(record.Question, SystemPrompt));
        var answer = _tokenizer.Encode(ArabicQaChatTemplate.Completion(record.Answer));
        return new SftExample(record.Id, [.. prompt, .. answer], prompt.Length);
    }

    /// <summary>Tokenizes many records, collecting the reasons for any that were skipped.</summary>
    public List<SftExample> TokenizeAll(IEnumerable<QaRecord> records, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Select(r => Tokenize(r, problems)).OfType<SftExample>().ToList();
    }

    /// <summary>Builds rows of inputs and targets from <paramref name="examples"/>.</summary>
    public List<SftRow> BuildRows(IReadOnlyList<SftExample> examples, bool pack)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return pack ? Pack(examples) : Pad(examples);
    }

    /// <summary>Stacks rows into a batch on <paramref name="device"/>.</summary>
    public static SftBatch Collate(IReadOnlyList<SftRow> rows, Device device)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var time = rows[0].InputIds.Length;
        var inputs = new long[rows.Count * time];
        var targets = new long[rows.Count * time];
        long lossTokens = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var t = 0; t < time; t++)
            {
                inputs[r * time + t] = rows[r].InputIds[t];
                targets[r * time + t] = rows[r].Targets[t];
                lossTokens += rows[r].Targets[t] == IgnoreIndex ? 0 : 1;
            }
        }

        // (batch * time) -> (batch, time)
        var inputTensor = tensor(inputs, [rows.Count, time], ScalarType.Int64, device);
        var targetTensor = tensor(targets, [rows.Count, time], ScalarType.Int64, device);
        return new SftBatch(inputTensor, targetTensor, inputs.Length, lossTokens);
    }

    private List<SftRow> Pack(IReadOnlyList<SftExample> examples)
    {
        var ids = new List<int>();
        var labels = new List<int>();
        foreach (var example in examples)
        {
            for (var i = 0; i < example.InputIds.Length; i++)
            {
                ids.Add(example.InputIds[i]);
                labels.Add(i < example.PromptLength ? IgnoreIndex : example.InputIds[i]);
            }
        }

        var rows = new List<SftRow>();
        for (var start = 0; start + 1 < ids.Count; start += SequenceLength)
        {
            rows.Add(MakeRow(ids, labels, start, Math.Min(SequenceLength + 1, ids.Count - start)));
        }

        return rows;
    }

    private List<SftRow> Pad(IReadOnlyList<SftExample> examples)
    {
        var rows = new List<SftRow>(examples.Count);
        foreach (var example in examples)
        {
            var labels = example.InputIds.Select((id, i) => i < example.PromptLength ? IgnoreIndex : id).ToList();
            // Keep the start of the answer when the example is too long: that is where the model learns to respond.
            var length = Math.Min(example.InputIds.Length, SequenceLength + 1);
            rows.Add(MakeRow(example.InputIds, labels, 0, length));
        }

        return rows;
    }

    // Inputs are ids[start .. start+T), targets are labels[start+1 .. start+T]; short windows are padded.
    private SftRow MakeRow(IReadOnlyList<int> ids, IReadOnlyList<int> labels, int start, int length)
    {
        var inputs = new int[SequenceLength];
        var targets = new int[SequenceLength];
        for (var t = 0; t < SequenceLength; t++)
        {
            inputs[t] = t < length ? ids[start + t] : _padId;
            targets[t] = t + 1 < length ? labels[start + t + 1] : IgnoreIndex;
        }

        return new SftRow(inputs, targets);
    }
}
