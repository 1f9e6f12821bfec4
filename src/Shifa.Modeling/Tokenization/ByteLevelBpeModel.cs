// The data of a byte-level BPE tokenizer in Hugging Face's terms: token strings, ranked merges, special tokens, split pattern.
namespace Shifa.Modeling.Tokenization;

/// <summary>
/// A byte-level BPE vocabulary: <see cref="Vocabulary"/> maps byte-level token strings (see
/// <see cref="ByteLevelAlphabet"/>) to ids, <see cref="Merges"/> lists merges in rank order, and
/// <see cref="SpecialTokens"/> are matched verbatim before any splitting.
/// </summary>
public sealed class ByteLevelBpeModel
{
    /// <summary>Creates a model and checks that every merge and its result are in the vocabulary.</summary>
    public ByteLevelBpeModel(
        IReadOnlyDictionary<string, int> vocabulary,
        IReadOnlyList<(string Left, string Right)> merges,
        IReadOnlyDictionary<string, int> specialTokens,
        string pattern)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(merges);
        ArgumentNullException.ThrowIfNull(specialTokens);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        for (var b = 0; b < 256; b++)
        {
            var token = ByteLevelAlphabet.ToChar((byte)b).ToString();
            if (!vocabulary.ContainsKey(token))
            {
                throw new ArgumentException(
                    $"The vocabulary lacks the byte token '{token}' (byte {b}); a byte-level BPE vocabulary must contain all 256 bytes.",
                    nameof(vocabulary));
            }
        }

        for (var i = 0; i < merges.Count; i++)
        {
            var (left, right) = merges[i];
            foreach (var part in new[] { left, right, left + right })
            {
                if (!vocabulary.ContainsKey(part))
                {
                    throw new ArgumentException(
                        $"Merge {i + 1} ('{left} {right}') uses '{part}', which is not in the vocabulary.", nameof(merges));
                }
            }
        }

        Vocabulary = vocabulary;
        Merges = merges;
        SpecialTokens = specialTokens;
        Pattern = pattern;
    }

    /// <summary>Token string to id, including special tokens.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary { get; }

    /// <summary>Merges in rank order (first is applied first).</summary>
    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>Special tokens and their ids; they are also present in <see cref="Vocabulary"/>.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>The pre-tokenizer pattern the merges were learnt with.</summary>
    public string Pattern { get; }

    /// <summary>One more than the largest id.</summary>
    public int VocabularySize => Vocabulary.Count == 0 ? 0 : Vocabulary.Values.Max() + 1;
}
