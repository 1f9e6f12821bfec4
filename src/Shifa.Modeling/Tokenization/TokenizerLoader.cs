// Opens whatever tokenizer a Hugging Face model folder carries, through Microsoft.ML.Tokenizers.
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Loads the tokenizer of a model folder (or a single tokenizer file): byte-level BPE from
/// <c>tokenizer.json</c> or <c>vocab.json</c> + <c>merges.txt</c> (GPT-2, AraGPT2, Shifa presets),
/// SentencePiece from <c>tokenizer.model</c>/<c>*.model</c> (LLaMA, Mistral), XLM-RoBERTa's
/// <c>sentencepiece.bpe.model</c> with fairseq ids, WordPiece from <c>vocab.txt</c> (BERT, AraBERT).
/// </summary>
public static class TokenizerLoader
{
    /// <summary>Loads the tokenizer found at <paramref name="path"/> (a folder or a <c>.model</c>/<c>vocab.txt</c> file).</summary>
    /// <exception cref="FileNotFoundException">No supported tokenizer file is there; the message lists what was looked for.</exception>
    public static ITextTokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return path.EndsWith(".model", StringComparison.OrdinalIgnoreCase) ? LoadSentencePiece(path)
                : Path.GetFileName(path).Equals("vocab.txt", StringComparison.OrdinalIgnoreCase) ? LoadWordPiece(path, null)
                : throw new NotSupportedException($"'{path}' is not a tokenizer file Shifa reads (a SentencePiece .model or a WordPiece vocab.txt); pass the model folder instead.");
        }

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Tokenizer folder '{path}' does not exist.");
        }

        if (HfTokenizerReader.HasByteLevelBpe(path))
        {
            return LoadByteLevelBpe(HfTokenizerReader.Read(path));
        }

        if (File.Exists(Path.Combine(path, XlmRobertaTokenizer.ModelFileName)))
        {
            return XlmRobertaTokenizer.Load(path);
        }

        var sentencePiece = Path.Combine(path, "tokenizer.model");
        if (File.Exists(sentencePiece))
        {
            return LoadSentencePiece(sentencePiece);
        }

        var wordPiece = Path.Combine(path, "vocab.txt");
        if (File.Exists(wordPiece))
        {
            return LoadWordPiece(wordPiece, Path.Combine(path, "tokenizer_config.json"));
        }

        throw new FileNotFoundException(
            $"No tokenizer in '{path}': expected a byte-level BPE tokenizer.json, vocab.json + merges.txt, a SentencePiece tokenizer.model or sentencepiece.bpe.model, or a WordPiece vocab.txt.");
    }

    /// <summary>Builds Microsoft.ML.Tokenizers' byte-level BPE over <paramref name="model"/>.</summary>
    public static MlTokenizerAdapter LoadByteLevelBpe(ByteLevelBpeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var specials = new Dictionary<string, int>(model.SpecialTokens, StringComparer.Ordinal);
        var options = new BpeOptions(model.Vocabulary.Where(kv => !specials.ContainsKey(kv.Key)))
        {
            Merges = model.Merges.Select(m => $"{m.Left} {m.Right}").ToArray(),
            ByteLevel = true,
            SpecialTokens = specials,
            PreTokenizer = new RegexPreTokenizer(ByteLevelPreTokenizer.Compile(model.Pattern), specials),
        };
        var bpe = BpeTokenizer.Create(options);
        var eos = specials.TryGetValue(SpecialTokenNames.EndOfText, out var id) ? id : (int?)null;
        return new MlTokenizerAdapter(bpe, model.VocabularySize, specials, eos, eos, eos);
    }

    private static MlTokenizerAdapter LoadSentencePiece(string modelPath)
    {
        using var stream = File.OpenRead(modelPath);
        SentencePieceTokenizer spm;
        try
        {
            spm = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{modelPath}: not a SentencePiece model Microsoft.ML.Tokenizers can read ({e.Message}).", e);
        }

        var specials = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [spm.BeginningOfSentenceToken] = spm.BeginningOfSentenceId,
            [spm.EndOfSentenceToken] = spm.EndOfSentenceId,
            [spm.UnknownToken] = spm.UnknownId,
        };
        var size = spm.Vocabulary.Values.Max() + 1;
        return new MlTokenizerAdapter(spm, size, specials, spm.BeginningOfSentenceId, spm.EndOfSentenceId, null);
    }

    private static MlTokenizerAdapter LoadWordPiece(string vocabPath, string? configPath)
    {
        var lowerCase = true;
        if (configPath is not null && File.Exists(configPath))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(configPath));
            if (doc.RootElement.TryGetProperty("do_lower_case", out var lower) && lower.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                lowerCase = lower.GetBoolean();
            }
        }

        var bert = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = lowerCase });
        var specials = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [bert.ClassificationToken] = bert.ClassificationTokenId,
            [bert.SeparatorToken] = bert.SeparatorTokenId,
            [bert.PaddingToken] = bert.PaddingTokenId,
            [bert.MaskingToken] = bert.MaskingTokenId,
        };
        var size = File.ReadLines(vocabPath).Count();
        return new MlTokenizerAdapter(
            bert, size, specials, bert.ClassificationTokenId, bert.SeparatorTokenId, bert.PaddingTokenId,
            text => bert.EncodeToIds(text, addSpecialTokens: false));
    }
}
