using Shifa.Cli.Commands.Evaluation;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the evaluation commands.</summary>
internal static class EvaluationCommands
{
    public static IConfigurator AddEvaluationCommands(this IConfigurator config)
    {
        config.AddBranch("evaluate", evaluate =>
        {
            evaluate.SetDescription("Score answers, evaluate systems on the test split, compute BERTScore baselines.");
            evaluate.AddCommand<ScoreCommand>("score")
                .WithDescription("Score a file of answers against a file of references (chrF, BLEU, ROUGE-L, BERTScore).")
                .WithExample("evaluate", "score", "--hyps", "answers.txt", "--refs", "refs.txt", "--metrics", "chrf,bleu,rougeL");
            evaluate.AddCommand<RunCommand>("run")
                .WithDescription("Answer the real test split with each system, store per-item scores, write the report.")
                .WithExample("evaluate", "run", "--workspace", "ws", "--system", "retrieval", "--system", "ws/models/tiny");
            evaluate.AddCommand<BaselineCommand>("baseline")
                .WithDescription("Compute an Arabic BERTScore rescaling baseline per layer from random pairs.")
                .WithExample("evaluate", "baseline", "--workspace", "ws", "--bertscore-model", "models/bert-base-multilingual-cased");
        });
        config.AddCommand<AblateCommand>("ablate")
            .WithDescription("Train and evaluate models × data conditions; write ablation tables, deltas and charts.")
            .WithExample("ablate", "--workspace", "ws", "--config", "ablation.json");
        return config;
    }
}
