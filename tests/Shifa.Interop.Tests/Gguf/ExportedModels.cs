// Small trained LLaMA-layout Shifa models exported to GGUF once and shared by the interop tests.
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Export.Gguf;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Native;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;
using static TorchSharp.torch;

namespace Shifa.Interop.Tests.Gguf;

/// <summary>
/// A vocabulary learnt from <see cref="ArabicTestText"/>, a GQA model with an untied head trained for a few steps on
/// that text (so its logits are peaked like a real model's, not uniform), and its GGUF exports.
/// </summary>
public sealed class ExportedModels : IDisposable
{
    public ExportedModels()
    {
        TorchRuntime.EnsureInitialized();
        Folder = Directory.CreateTempSubdirectory("shifa-gguf-").FullName;
        Vocabulary = BpeTrainer.Train(ArabicTestText.Repeated(3), new BpeTrainerOptions { VocabularySize = 420 });
        Tokenizer = new ByteLevelBpeTokenizer(Vocabulary);
        int eos = Vocabulary.SpecialTokens[SpecialTokenNames.EndOfText];
        Config = new ModelConfig
        {
            ModelType = "llama", VocabSize = Vocabulary.VocabularySize, HiddenSize = 64, IntermediateSize = 160, NumLayers = 2,
            NumHeads = 4, NumKeyValueHeads = 2, MaxPositions = 256, TieWordEmbeddings = false, RopeTheta = 10000,
            NormEpsilon = 1e-5, BosTokenId = eos, EosTokenId = eos, PadTokenId = eos,
        };
        manual_seed(11);
        Model = CausalLanguageModel.Create(Config);
        Train(Model, Tokenizer, steps: 80);
        Model.eval();
        F32Path = Path.Combine(Folder, "tiny-f32.gguf");
        F32Result = GgufExporter.Export(Model, Vocabulary, F32Path, new GgufExportOptions { ChatTemplate = ArabicQaChatTemplate.Jinja });
    }

    public string Folder { get; }

    public ByteLevelBpeModel Vocabulary { get; }

    public ByteLevelBpeTokenizer Tokenizer { get; }

    public ModelConfig Config { get; }

    public CausalLanguageModel Model { get; }

    public string F32Path { get; }

    public GgufExportResult F32Result { get; }

    /// <summary>Shifa's logits (time, vocab) for <paramref name="ids"/>.</summary>
    public float[][] ShifaLogits(IReadOnlyList<int> ids)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var input = tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Count]);
        var logits = Model.forward(input)[0].contiguous();                       // (T, V)
        var flat = logits.data<float>().ToArray();
        int vocab = (int)logits.shape[1];
        return Enumerable.Range(0, ids.Count).Select(t => flat.AsSpan(t * vocab, vocab).ToArray()).ToArray();
    }

    /// <summary>Shifa's greedy continuation of <paramref name="prompt"/> by <paramref name="tokens"/> tokens, with its KV cache.</summary>
    public List<int> ShifaGreedy(IReadOnlyList<int> prompt, int tokens)
    {
        using var _ = no_grad();
        using var cache = new KvCache(Config.NumLayers);
        var all = new List<int>(prompt);
        var next = prompt.Select(i => (long)i).ToArray();
        for (int step = 0; step < tokens; step++)
        {
            using var scope = NewDisposeScope();
            var logits = Model.Forward(tensor(next, [1, next.Length]), cache);           // (1, T, V)
            int id = (int)logits[0, -1].argmax().item<long>();
            all.Add(id);
            next = [id];
        }
        return all;
    }

    public void Dispose()
    {
        Model.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by llama.cpp on some platforms; the temp folder is reclaimed by the OS.
        }
    }

    private static void Train(CausalLanguageModel model, ByteLevelBpeTokenizer tokenizer, int steps)
    {
        var ids = ArabicTestText.Sentences.SelectMany(s => tokenizer.Encode(ArabicQaChatTemplate.Prompt(s) + ArabicQaChatTemplate.Completion(s))).ToArray();
        const int window = 32;
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-2);
        var random = new Random(3);
        model.train();
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var rows = Enumerable.Range(0, 4).Select(_ => random.Next(0, ids.Length - window - 1)).ToArray();
            var batch = tensor(rows.SelectMany(r => ids.Skip(r).Take(window + 1)).Select(i => (long)i).ToArray(), [rows.Length, window + 1]);
            var logits = model.forward(batch.narrow(1, 0, window));                                         // (B, T, V)
            var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), batch.narrow(1, 1, window).reshape(-1));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
