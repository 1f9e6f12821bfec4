// BPE trainer speed on 100k QA records built from the bundled sample with a long tail of rare word forms.
using System.Diagnostics;
using System.Text;
using Shifa.Modeling.Tokenization;

namespace Shifa.Bench.Training;

internal static class BpeBenchmark
{
    public static int Run(string[] args)
    {
        var records = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var vocabulary = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16_384;
        var texts = Corpus(records);
        var chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"corpus: {records} records ({texts.Count} texts), {chars / 1e6:F1}M characters; vocabulary {vocabulary}; {Environment.ProcessorCount} cores");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        BpeTrainer.Train(texts, new BpeTrainerOptions { VocabularySize = 256 + 5 });
        Console.WriteLine($"counting words only (no merges): {clock.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU");
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var model = BpeTrainer.Train(texts, new BpeTrainerOptions { VocabularySize = vocabulary });
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var trainCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"bpe train: {trainSeconds:F1} s wall, {trainCpu:F1} s CPU, {model.Merges.Count} merges, vocabulary {model.VocabularySize}");

        var tokenizer = new ByteLevelBpeTokenizer(model);
        clock.Restart();
        var fertility = TokenizerFertility.Measure(tokenizer, texts.Take(20_000));
        Console.WriteLine($"encode: {fertility.Characters / clock.Elapsed.TotalSeconds / 1e6:F2}M chars/s; fertility {fertility.TokensPerWord:F2} tokens/word, {fertility.CharactersPerToken:F2} chars/token");
        // On a shared machine wall time measures the neighbours; CPU seconds bound the wall time on an idle 2-core one.
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"target < 60 s for 100k records: wall {trainSeconds:F1} s ({(trainSeconds < 60 ? "met" : "NOT met")} at load average {load}), " +
                          $"CPU {trainCpu:F1} s ({(trainCpu < 60 ? "met" : "NOT met")})");
        return 0;
    }

    // Sentences of the sample recombined at random; one word in five gets one letter replaced, so the
    // number of distinct words grows with the corpus as it does in real data (~10^5 forms), not stays at the sample's.
    private static List<string> Corpus(int records)
    {
        var sample = SampleText.Read(SampleText.FindSample());
        var sentences = sample.SelectMany(r => (r.Question + " . " + r.Answer).Split(['.', '،', '؟', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.Trim()).Where(s => s.Length > 10).ToArray();
        var random = new Random(42);
        var texts = new List<string>(records * 2);
        for (var i = 0; i < records; i++)
        {
            texts.Add(Mutate(sentences[random.Next(sentences.Length)], random) + "؟");
            var answer = new StringBuilder();
            var count = random.Next(2, 7);
            for (var s = 0; s < count; s++)
            {
                answer.Append(Mutate(sentences[random.Next(sentences.Length)], random)).Append(". ");
            }

            texts.Add(answer.ToString());
        }

        return texts;
    }

    private static string Mutate(string sentence, Random random)
    {
        var words = sentence.Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w].Length > 3 && random.Next(5) == 0)
            {
                var chars = words[w].ToCharArray();
                chars[random.Next(chars.Length)] = (char)random.Next('\u0628', '\u064A');
                words[w] = new string(chars);
            }
        }

        return string.Join(' ', words);
    }
}
