// Retrieval baseline: answer with the answer of the most similar training question.
using Shifa.Core.Records;

namespace Shifa.Evaluation.Systems;

/// <summary>
/// No generation: finds the training question most similar to the test question (TF-IDF over
/// character 3-grams inside words, cosine) and returns its answer. Tells users whether fine-tuning
/// beat simple retrieval. Ties go to the earlier training record, so runs are repeatable.
/// </summary>
public sealed class RetrievalSystem : IAnswerSystem
{
    private readonly IReadOnlyList<QaRecord> _train;
    private readonly TfIdfIndex _index;

    /// <summary>Indexes the questions of <paramref name="training"/>.</summary>
    public RetrievalSystem(IReadOnlyList<QaRecord> training, string name = "retrieval")
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0)
        {
            throw new ArgumentException("The retrieval baseline needs training records; the train split is empty (run 'shifa split' first).", nameof(training));
        }

        Name = name;
        _train = training;
        _index = new TfIdfIndex(training.Select(r => r.Question).ToList());
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Index of the most similar training record and its cosine similarity.</summary>
    public (int Index, double Similarity) Nearest(string question) => _index.Nearest(question);

    /// <inheritdoc/>
    public Task<string> AnswerAsync(QaRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (index, _) = _index.Nearest(record.Question);
        return Task.FromResult(_train[index].Answer);
    }
}
