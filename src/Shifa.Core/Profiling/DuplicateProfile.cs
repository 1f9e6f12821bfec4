namespace Shifa.Core.Profiling;

/// <summary>
/// Exact duplicates after <see cref="Arabic.ArabicNormalizer.ForMatching"/>: texts that differ only
/// in diacritics, tatweel, alef/ya/hamza spelling, digits, punctuation runs, emoji, URLs or
/// spacing count as the same. Rates are (records − distinct) / records.
/// </summary>
/// <param name="DistinctQuestions">Distinct normalised questions.</param>
/// <param name="QuestionDuplicateRate">Share of records whose question repeats an earlier one.</param>
/// <param name="DistinctPairs">Distinct normalised (question, answer) pairs.</param>
/// <param name="PairDuplicateRate">Share of records whose question and answer both repeat an earlier record.</param>
public sealed record DuplicateProfile(int DistinctQuestions, double QuestionDuplicateRate, int DistinctPairs, double PairDuplicateRate);
