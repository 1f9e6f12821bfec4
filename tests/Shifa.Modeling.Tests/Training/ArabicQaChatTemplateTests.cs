using Microsoft.Extensions.AI;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Training;

namespace Shifa.Modeling.Tests.Training;

public sealed class ArabicQaChatTemplateTests
{
    [Fact]
    public void The_training_prompt_is_the_text_generation_renders_for_the_same_turns()
    {
        const string system = "أنت مساعد طبي.";
        const string question = " عندي صداع شديد منذ ٣ أيام، شو أعمل؟ 🤒 ";

        var training = ArabicQaChatTemplate.Prompt(question, system);
        var serving = ChatPromptFormat.Render([new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, question)]);

        Assert.Equal(serving, training);
        Assert.Equal("<|user|>\nسؤال<|end|>\n<|assistant|>\n", ArabicQaChatTemplate.Prompt("سؤال"));
        Assert.Equal("جواب<|endoftext|>", ArabicQaChatTemplate.Completion(" جواب\n"));
    }

    [Fact]
    public void The_jinja_template_spells_the_same_markers()
    {
        foreach (var marker in new[] { "'<|system|>\\n'", "'<|user|>\\n'", "'<|assistant|>\\n'", "'<|end|>\\n'", "'<|endoftext|>'" })
        {
            Assert.Contains(marker, ArabicQaChatTemplate.Jinja, StringComparison.Ordinal);
        }
    }
}
