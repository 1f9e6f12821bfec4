using Shifa.Core.Records;

namespace Shifa.Evaluation.Systems;

/// <summary>Something that answers a patient question: a trained model, a remote provider, or a retrieval baseline.</summary>
public interface IAnswerSystem
{
    /// <summary>Name used in tables and stored scores (e.g. <c>tiny/original+offline</c>, <c>retrieval</c>).</summary>
    string Name { get; }

    /// <summary>Answers the question of <paramref name="record"/> (its answer must not be looked at).</summary>
    Task<string> AnswerAsync(QaRecord record, CancellationToken ct = default);
}
