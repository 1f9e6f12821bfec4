using Shifa.Cli.Commands;
using Shifa.Cli.Commands.Interop;
using Shifa.Cli.Tests.Foundation;
using Shifa.Interop.Trainers;

namespace Shifa.Cli.Tests.Interop;

public sealed class AdapterArchitectureTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Folder(string name, string file, string json)
    {
        var dir = _cli.PathOf(name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, file), json);
        return dir;
    }

    private string LlamaBase() => Folder("base", "config.json", """{ "model_type": "mistral", "hidden_size": 64 }""");

    private string Adapter(string baseModel) => Folder("adapter", "adapter_config.json",
        $$"""{ "peft_type": "LORA", "r": 16, "lora_alpha": 32, "base_model_name_or_path": "{{baseModel}}", "target_modules": ["q_proj", "v_proj"] }""");

    private (int Exit, string Output) Import(string model, string adapter) =>
        _cli.RunWith(c => c.AddInteropCommands(), "import", "adapter", "--model", model, "--adapter", adapter, "--out", _cli.PathOf("merged"));

    [Fact]
    public void The_trainer_export_defaults_to_a_base_model_that_Shifa_can_load_back()
    {
        var cli = new ExportTrainerCommand.Settings().BaseModel;
        Assert.Equal(cli, new TrainerBundleOptions().BaseModel);
        var type = LoadableArchitecture.ModelTypeOf(cli);
        Assert.NotNull(type);
        Assert.True(LoadableArchitecture.IsLoadable(type), $"{cli} is a '{type}' model");
    }

    [Fact]
    public void Import_adapter_refuses_an_adapter_trained_on_a_base_Shifa_cannot_load_before_reading_weights()
    {
        var (exit, output) = Import(LlamaBase(), Adapter("Qwen/Qwen2.5-7B-Instruct"));

        Assert.Equal(1, exit);
        Assert.Contains("'Qwen/Qwen2.5-7B-Instruct', a 'qwen2' model", output, StringComparison.Ordinal);
        Assert.Contains("base_model_name_or_path", output, StringComparison.Ordinal);
        Assert.Contains("Shifa loads gpt2, llama, mistral models only", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("merged")));
    }

    [Fact]
    public void Import_adapter_refuses_a_base_folder_of_another_architecture()
    {
        var qwenBase = Folder("qwen-base", "config.json", """{ "model_type": "qwen2" }""");

        var (exit, output) = Import(qwenBase, Adapter("mistralai/Mistral-7B-Instruct-v0.3"));

        Assert.Equal(1, exit);
        Assert.Contains("is a 'qwen2' model; Shifa loads gpt2, llama, mistral models only", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.3", null)]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct", null)]
    [InlineData("aubmindlab/aragpt2-base", null)]
    [InlineData("some-lab/arabic-medical-7b", null)]
    [InlineData("mistralai/Mixtral-8x7B-Instruct-v0.1", "mixtral")]
    [InlineData("google/gemma-2-9b-it", "gemma")]
    [InlineData("inceptionai/jais-13b-chat", "jais")]
    public void Adapters_are_judged_by_their_declared_base(string declared, string? refusedType)
    {
        var problem = LoadableArchitecture.ImportProblem(LlamaBase(), Adapter(declared));

        if (refusedType is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.NotNull(problem);
            Assert.Contains($"a '{refusedType}' model", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_local_base_folder_named_in_the_adapter_is_judged_by_its_config()
    {
        var local = Folder("my-base", "config.json", """{ "model_type": "gemma2" }""");
        var problem = LoadableArchitecture.ImportProblem(LlamaBase(), Adapter(local));
        Assert.NotNull(problem);
        Assert.Contains("'gemma2'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_trainer_warns_when_the_chosen_base_could_not_be_imported_back()
    {
        Assert.Equal(0, _cli.Run("ingest", RepoFiles.BundledSample, "--workspace", _cli.Ws).Exit);
        Assert.Equal(0, _cli.Run("split", "--workspace", _cli.Ws).Exit);

        var qwen = _cli.Run("export", "trainer", "--workspace", _cli.Ws, "--out", _cli.PathOf("bundle-qwen"), "--base-model", "Qwen/Qwen2.5-7B-Instruct");
        var mistral = _cli.Run("export", "trainer", "--workspace", _cli.Ws, "--out", _cli.PathOf("bundle"));

        Assert.Equal(0, qwen.Exit);
        Assert.Contains("warning: --base-model 'Qwen/Qwen2.5-7B-Instruct' is a 'qwen2' model", qwen.Output, StringComparison.Ordinal);
        Assert.Equal(0, mistral.Exit);
        Assert.DoesNotContain("warning", mistral.Output, StringComparison.Ordinal);
        Assert.Contains(LoadableArchitecture.DefaultTrainerBase, string.Concat(Directory.GetFiles(_cli.PathOf("bundle")).Select(File.ReadAllText)), StringComparison.Ordinal);
    }
}
